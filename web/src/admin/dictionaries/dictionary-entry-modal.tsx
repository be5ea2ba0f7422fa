import type { DictionaryEntryView, UpdateDictionaryEntryRequest } from '@contracts/units.ts';
import { CreateDictionaryEntryRequest as CreateSchema } from '@contracts/units.ts';
import type { GetProp } from 'antd';
import { App, ColorPicker, Form, Input, InputNumber } from 'antd';
import type { DictionaryKind } from '../../api/dictionaries.ts';
import { createDictionaryEntry, updateDictionaryEntry } from '../../api/dictionaries.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { optionalZodRule, zodRule } from '../../lib/form-rules.ts';
import { DICTIONARY_KIND_LABELS } from '../../lib/registry-labels.ts';
import { useDictionaryMutation } from './use-dictionary-mutation.ts';

type EntryValues = { code: string; label: string; color?: string | null; weight?: number | null; sortOrder?: number | null };

/** Kinds whose entries carry a colour (tags in lists) or a draw weight. */
export const COLORED_KINDS: readonly DictionaryKind[] = ['risk_level', 'credit_level'];
export const WEIGHTED_KINDS: readonly DictionaryKind[] = ['inspector_post_weight'];

type ColorChange = GetProp<typeof ColorPicker, 'onChange'>;
const colorFromEvent = (...[color]: Parameters<ColorChange>) => (color.cleared ? null : color.toHexString().slice(0, 7));

const { shape } = CreateSchema;

/** 新增 (POST /api/dictionaries) or 编辑 (PATCH, changed fields; the code is fixed once created) an entry. */
export function DictionaryEntryModal({
  kind,
  entry,
  nextSortOrder,
  onClose,
  onSaved,
}: {
  kind: DictionaryKind;
  entry?: DictionaryEntryView;
  nextSortOrder: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const colored = COLORED_KINDS.includes(kind) || Boolean(entry?.color);
  const weighted = WEIGHTED_KINDS.includes(kind);

  const changes = (values: EntryValues): UpdateDictionaryEntryRequest => {
    const result: Record<string, unknown> = {};
    if (!entry) return result;
    if (values.label.trim() !== entry.label) result.label = values.label.trim();
    if (colored && (values.color ?? null) !== entry.color) result.color = values.color ?? null;
    if (weighted && (values.weight ?? null) !== entry.weight) result.weight = values.weight ?? null;
    if ((values.sortOrder ?? 0) !== entry.sortOrder) result.sortOrder = values.sortOrder ?? 0;
    return result as UpdateDictionaryEntryRequest;
  };

  const mutation = useDictionaryMutation(
    (values: EntryValues) =>
      entry
        ? updateDictionaryEntry(entry.id, changes(values))
        : createDictionaryEntry({
            kind,
            code: values.code.trim(),
            label: values.label.trim(),
            color: colored ? (values.color ?? null) : null,
            weight: weighted ? (values.weight ?? null) : null,
            sortOrder: values.sortOrder ?? 0,
          }),
    { success: entry ? '字典项已保存' : '字典项已新增', form, onSuccess: onSaved },
  );

  const submit = (values: EntryValues) => {
    if (entry && Object.keys(changes(values)).length === 0) {
      void message.info('没有需要保存的修改');
      onClose();
      return;
    }
    mutation.mutate(values);
  };

  return (
    <FormModal<EntryValues>
      title={`${entry ? '编辑' : '新增'}${DICTIONARY_KIND_LABELS[kind]}`}
      name={entry ? 'dictionaryEditForm' : 'dictionaryCreateForm'}
      form={form}
      initialValues={
        entry
          ? { code: entry.code, label: entry.label, color: entry.color, weight: entry.weight, sortOrder: entry.sortOrder }
          : { sortOrder: nextSortOrder }
      }
      submitting={mutation.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label="代码"
        name="code"
        required
        rules={entry ? [] : [zodRule(shape.code)]}
        extra={entry ? '代码是单位数据中保存的值，创建后不可修改。' : '保存在单位数据中的值，创建后不可修改；可与名称相同。'}
      >
        <Input maxLength={50} autoComplete="off" disabled={Boolean(entry)} />
      </Form.Item>
      <Form.Item label="名称" name="label" required rules={[zodRule(shape.label)]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      {colored ? (
        <Form.Item label="颜色" name="color" getValueFromEvent={colorFromEvent} rules={[optionalZodRule(shape.color)]}>
          <ColorPicker allowClear disabledAlpha showText format="hex" />
        </Form.Item>
      ) : null}
      {weighted ? (
        <Form.Item
          label="权重"
          name="weight"
          rules={[optionalZodRule(shape.weight)]}
          extra="1–64：该岗位检查人员的默认抽取权重，数值越大被抽中的机会越大。"
        >
          <InputNumber min={1} max={64} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      <Form.Item label="排序" name="sortOrder" rules={[optionalZodRule(shape.sortOrder)]} extra="数值小的排在前面。">
        <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
