import { checkUscc } from '@contracts/publication.ts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { openUnitPage } from '../../api/unit-page.ts';
import { PublicLayout } from '../layout/public-layout.tsx';

const TITLE = '被检查单位查看整改要求';

type Values = { code: string; uscc: string };

/** The credit code's hint while typing: nothing until 18 characters, then whether the check character is right. */
function usccHint(value: string | undefined): { status: '' | 'warning'; help: string | null } {
  const typed = (value ?? '').trim();
  if (typed.length < 18) return { status: '', help: typed.length > 0 ? `已输入 ${typed.length} 位，共 18 位` : null };
  const check = checkUscc(typed);
  return check.valid ? { status: '', help: null } : { status: 'warning', help: `${check.errors[0] ?? '格式不正确'}，请核对营业执照` };
}

/**
 * /portal/unit — the inspected unit reaches its own page without an account (decision 0024): the 核验码 printed beside
 * the QR code of a notice (prefilled from ?code=) and its 统一社会信用代码. The page's key is kept in this tab only.
 */
export default function UnitEntryPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const uscc = Form.useWatch('uscc', form);
  const hint = usccHint(uscc);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await openUnitPage({ code: values.code.trim(), uscc: values.uscc.trim() });
      void navigate('/portal/unit/home');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '无法打开，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PublicLayout title={TITLE}>
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Flex vertical gap={12}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {TITLE}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            请输入执法文书二维码旁印的核验码和本单位的统一社会信用代码，即可查看本单位的整改通知、上传整改材料、申请提前复查，并对检查进行评价或投诉。
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon message={error} role="alert" /> : null}
          <Form<Values> form={form} name="unit-access" layout="vertical" initialValues={{ code: params.get('code') ?? '', uscc: '' }} onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item label="核验码" name="code" rules={[{ required: true, whitespace: true, message: '请输入文书上的核验码' }]}>
              <Input autoComplete="off" maxLength={16} inputMode="text" autoCapitalize="off" spellCheck={false} size="large" />
            </Form.Item>
            <Form.Item
              label="统一社会信用代码"
              name="uscc"
              validateStatus={hint.status}
              help={hint.help}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ required: true, whitespace: true, message: '请输入本单位的统一社会信用代码' }]}
            >
              <Input autoComplete="off" maxLength={18} autoCapitalize="characters" spellCheck={false} size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              查看本单位信息
            </Button>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            连续输错 5 次后该核验码将暂停验证 30 分钟。核验码自文书开具之日起 180 日内有效。
          </Typography.Text>
        </Flex>
      </Card>
    </PublicLayout>
  );
}
