/**
 * The printed content of a 临时查封决定书 and a 解除临时查封决定书 (decision 0023; 消防法 art. 54, 《消防监督检查规定》
 * art. 22). Pure.
 */
import { REMEDY_SENTENCE, chineseDate, partyPronoun, partyRows, type DocumentParty } from './case-document-text.ts';
import { documentHeader, type DocumentContent, type DocumentStamp } from './document-types.ts';

export const SEALING_BASIS = '《中华人民共和国消防法》第五十四条和《消防监督检查规定》第二十二条';
export const SEALING_LIST_SENTENCE = '查封物品清单一式两份，一份交当事人，一份附卷。';

export type SealingFacts = {
  party: DocumentParty;
  /** Why: the hazards that endanger public safety. */
  reason: string;
  /** The places, parts or equipment sealed. */
  places: string;
  sealedOn: string;
  sealedUntil: string;
};

/** 临时查封决定书: party, reason, basis, the places sealed, the period, how to apply for lifting, the remedy. */
export function composeSealingDecision(stamp: DocumentStamp, f: SealingFacts): DocumentContent {
  const you = partyPronoun(f.party.kind);
  return {
    ...documentHeader('sealing_decision', stamp),
    addressee: f.party.name,
    blocks: [
      { kind: 'fields', rows: partyRows(f.party) },
      { kind: 'paragraph', text: `经查，${you}存在下列火灾隐患，不及时消除可能严重威胁公共安全：${f.reason}` },
      { kind: 'paragraph', text: `根据${SEALING_BASIS}的规定，本机关决定对下列场所、部位、设施或者设备予以临时查封：` },
      { kind: 'fields', rows: [
        { label: '查封场所、部位', value: f.places },
        { label: '查封期限', value: `自${chineseDate(f.sealedOn)}至${chineseDate(f.sealedUntil)}` },
      ] },
      { kind: 'paragraph', text: `${you}应当在查封期间采取措施消除火灾隐患。火灾隐患消除后，${you}可以向本机关申请解除临时查封；本机关自收到申请之日起三个工作日内进行检查，并自检查之日起三个工作日内作出是否同意解除临时查封的决定。` },
      { kind: 'paragraph', text: SEALING_LIST_SENTENCE },
      { kind: 'paragraph', text: REMEDY_SENTENCE },
    ],
    receipt: true,
    replaces: null,
  };
}

export type SealingLiftFacts = {
  party: DocumentParty;
  /** The decision being lifted. */
  decision: { number: string; issueDate: string };
  places: string;
  liftedOn: string;
};

/** 解除临时查封决定书: names the decision, the places, and the day the seal is lifted. */
export function composeSealingLifted(stamp: DocumentStamp, f: SealingLiftFacts): DocumentContent {
  const you = partyPronoun(f.party.kind);
  return {
    ...documentHeader('sealing_lifted', stamp),
    addressee: f.party.name,
    blocks: [
      { kind: 'fields', rows: partyRows(f.party) },
      { kind: 'paragraph', text: `本机关于${chineseDate(f.decision.issueDate)}以《临时查封决定书》（${f.decision.number}）对${you}的${f.places}予以临时查封。经检查，火灾隐患已消除，根据${SEALING_BASIS}的规定，本机关决定自${chineseDate(f.liftedOn)}起解除临时查封。` },
    ],
    receipt: true,
    replaces: null,
  };
}
