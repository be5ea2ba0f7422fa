/**
 * What a proof of service (送达) must hold per method (decision 0023), pure: 直接送达 names the recipient; 留置送达 the
 * refusal and a witness; 邮寄送达 the tracking number; 电子送达 the address and the party's written consent. Returns the
 * first problem as {field, message} (Chinese), or null.
 */
import type { ServiceMethod } from './document-types.ts';

export type ServiceFacts = {
  method: ServiceMethod;
  recipientName: string;
  refusalReason: string;
  witness: string;
  postalTracking: string;
  electronicAddress: string;
  consentFile: string | null;
};

export function serviceProblem(s: ServiceFacts): { field: string; message: string } | null {
  const need = (ok: boolean, field: string, message: string) => (ok ? null : { field, message });
  switch (s.method) {
    case 'direct':
      return need(s.recipientName !== '', 'recipientName', '受送达人：直接送达须填写签收人');
    case 'left':
      return need(s.refusalReason !== '', 'refusalReason', '拒收事由：留置送达须写明拒收事由') ?? need(s.witness !== '', 'witness', '见证人：留置送达须有见证人');
    case 'post':
      return need(s.postalTracking !== '', 'postalTracking', '邮件单号：邮寄送达须填写邮件单号');
    case 'electronic':
      return (
        need(s.electronicAddress !== '', 'electronicAddress', '电子送达地址：电子送达须填写地址') ??
        need(s.consentFile !== null, 'consentFile', '同意电子送达确认书：电子送达须上传受送达人的书面同意')
      );
  }
}
