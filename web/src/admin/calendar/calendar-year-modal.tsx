import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarYearDetail, HolidayDayView } from '@contracts/calendar.ts';
import { HOLIDAY_KIND_LABELS, HOLIDAY_KIND_VALUES, PutCalendarYearRequest } from '@contracts/calendar.ts';
import { useMutation } from '@tanstack/react-query';
import type { FormRule } from 'antd';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { putCalendarYear } from '../../api/calendar.ts';
import { ApiError } from '../../api/client.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { zodRule } from '../../lib/form-rules.ts';

type DayValues = { date?: Dayjs | null; kind?: HolidayDayView['kind']; name?: string };
type YearValues = { year: number; source: string; publishedOn?: Dayjs | null; days?: DayValues[] };

const KIND_OPTIONS = HOLIDAY_KIND_VALUES.map((value) => ({ value, label: HOLIDAY_KIND_LABELS[value] }));
const MIN_YEAR = 2000;
const MAX_YEAR = 2999;

/** A row error from the server: its `path` is `days.3.date` (the message says 「第 4 天的日期：…」). */
const ROW_PATH = /^days\.(\d+)\.(date|kind|name)$/;

type RowField = ['days', number, keyof DayValues];

function rowError(error: Error): { name: RowField; index: number; message: string } | null {
  if (!(error instanceof ApiError) || !error.path) return null;
  const match = ROW_PATH.exec(error.path);
  if (!match?.[1] || !match[2]) return null;
  const index = Number(match[1]);
  // Beside the row the field needs no naming: keep what follows 「第 4 天的日期：」.
  const message = error.message.includes('：') ? error.message.slice(error.message.indexOf('：') + 1) : error.message;
  return { name: ['days', index, match[2] as keyof DayValues], index, message };
}

const toValues = (detail: CalendarYearDetail): YearValues => ({
  year: detail.year,
  source: detail.source,
  publishedOn: detail.publishedOn ? dayjs(detail.publishedOn) : null,
  days: [...detail.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({ date: dayjs(day.date), kind: day.kind, name: day.name })),
});

/** 录入/修改年度安排: replaces one year's 放假调休 days (PUT /api/calendar/:year). */
export function CalendarYearModal({
  initial,
  defaultYear,
  onClose,
  onSaved,
}: {
  /** The arrangement being changed; without it a new year is entered. */
  initial?: CalendarYearDetail;
  defaultYear: number;
  onClose: () => void;
  onSaved: (saved: CalendarYearDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<YearValues>();
  const handleError = useApiErrorHandler();
  const watchedYear = Form.useWatch('year', form);
  const year = typeof watchedYear === 'number' ? watchedYear : (initial?.year ?? defaultYear);

  const mutation = useMutation({
    mutationFn: (values: YearValues) =>
      putCalendarYear(values.year, {
        source: values.source.trim(),
        publishedOn: values.publishedOn ? values.publishedOn.format('YYYY-MM-DD') : null,
        days: (values.days ?? []).map((day) => ({
          date: day.date ? day.date.format('YYYY-MM-DD') : '',
          kind: day.kind ?? 'holiday',
          name: (day.name ?? '').trim(),
        })),
      }),
    onSuccess: (saved) => {
      void message.success(`已保存 ${saved.days.length} 天`);
      onSaved(saved);
    },
    onError: (error) => {
      const row = rowError(error);
      if (row && form.getFieldValue(['days', row.index]) !== undefined) {
        form.setFields([{ name: row.name, errors: [row.message] }]);
        form.scrollToField(row.name);
        return;
      }
      handleError(error, form);
    },
  });

  const inYearRule: FormRule = {
    validator: (_rule, value: Dayjs | null | undefined) => {
      if (!value) return Promise.reject(new Error('请选择日期'));
      return value.year() === year ? Promise.resolve() : Promise.reject(new Error(`日期应在 ${year} 年内`));
    },
  };

  return (
    <FormModal<YearValues>
      title="录入/修改年度安排"
      name="calendarYearForm"
      form={form}
      width={720}
      initialValues={initial ? toValues(initial) : { year: defaultYear, source: '', publishedOn: null, days: [] }}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item
        label="年份"
        name="year"
        rules={[
          { required: true, type: 'integer', min: MIN_YEAR, max: MAX_YEAR, message: `请输入 ${MIN_YEAR}–${MAX_YEAR} 之间的年份` },
        ]}
        extra="保存后将整体替换该年份已有的安排。"
      >
        <InputNumber min={MIN_YEAR} max={MAX_YEAR} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label="来源"
        name="source"
        required
        rules={[zodRule(PutCalendarYearRequest.shape.source)]}
        extra={`发布安排的文件，例如：国务院办公厅关于${year}年部分节假日安排的通知`}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label="发布日期" name="publishedOn">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Text strong>放假与调休上班日期</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
        逐日列出放假日（含假期中的周末）和调休上班日。
      </Typography.Paragraph>
      <Form.List name="days">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={[field.name, 'date']}
                  rules={[inYearRule]}
                  dependencies={['year']}
                  style={{ marginBottom: 0, flex: '0 0 170px' }}
                >
                  <DatePicker
                    aria-label={`第 ${index + 1} 行日期`}
                    style={{ width: '100%' }}
                    disabledDate={(date) => date.year() !== year}
                    defaultPickerValue={dayjs(`${year}-01-01`)}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: '请选择类型' }]}
                  style={{ marginBottom: 0, flex: '0 0 140px' }}
                >
                  <Select aria-label={`第 ${index + 1} 行类型`} options={KIND_OPTIONS} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: '请输入节日名称' },
                    { max: 20, message: '节日名称最多 20 个字符' },
                  ]}
                  style={{ marginBottom: 0, flex: 1 }}
                >
                  <Input aria-label={`第 ${index + 1} 行名称`} maxLength={20} autoComplete="off" />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${index + 1} 行`}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday', name: '' })}>
              添加日期
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
