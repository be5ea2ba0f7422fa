import type { FormRule } from 'antd';
import type { z } from 'zod';

/** The server's password rule, shown as help next to new-password fields. */
export const PASSWORD_HINT = '至少 8 个字符，须同时包含字母和数字，且不能包含用户名。';

/**
 * An antd form rule that checks a value with a contract schema and shows the schema's Chinese message.
 * A field left untouched is checked as `empty`, so the schema reports "不能为空" rather than a type error.
 */
export function zodRule(schema: z.ZodType, empty: unknown = ''): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? empty);
      return result.success
        ? Promise.resolve()
        : Promise.reject(new Error(result.error.issues[0]?.message ?? '格式不正确'));
    },
  };
}

/** A confirmation field must repeat the value of `field`. */
export function sameAsRule(field: string, message = '两次输入的密码不一致'): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message)),
  });
}

/** Like {@link zodRule} for a field that may stay empty: an empty value passes, anything else must satisfy the schema. */
export function optionalZodRule(schema: z.ZodType): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return Promise.resolve();
      const result = schema.safeParse(value);
      return result.success
        ? Promise.resolve()
        : Promise.reject(new Error(result.error.issues[0]?.message ?? '格式不正确'));
    },
  };
}
