import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';

type FilterFormProps<Values extends object> = {
  /** The form's name (its fields' ids start with it). */
  name: string;
  /** The form's values for the list's current filters, from the address bar (`ListControls.filters`, converted). */
  values: Values;
  /** 查询 or Enter in a field: the page turns the values into filters (`ListControls.setFilters`). */
  onSearch: (values: Values) => void;
  /** 清空: the page clears the filters (`ListControls.resetFilters`). */
  onReset: () => void;
  /** After 查询 and 清空 (e.g. 更多筛选). */
  extra?: ReactNode;
  children: ReactNode;
};

/**
 * A list page's filter bar: inline fields, then 查询 / 清空. It only reads and writes the list's filters; the
 * address bar is the truth, so when it changes (back, forward, a link) the form starts again from it.
 */
export function ListFilterForm<Values extends object>(props: FilterFormProps<Values>) {
  return <FilterFormBody<Values> key={JSON.stringify(props.values)} {...props} />;
}

function FilterFormBody<Values extends object>({ name, values, onSearch, onReset, extra, children }: FilterFormProps<Values>) {
  const [form] = Form.useForm<Values>();
  const clear = () => {
    // Not resetFields(): that would go back to the filters the form started from.
    form.setFieldsValue(Object.fromEntries(Object.keys(form.getFieldsValue()).map((key) => [key, undefined])) as Values);
    onReset();
  };
  return (
    <Form<Values> form={form} name={name} layout="inline" className="filter-form" initialValues={values} onFinish={onSearch}>
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button onClick={clear}>清空</Button>
          {extra}
        </Space>
      </Form.Item>
    </Form>
  );
}
