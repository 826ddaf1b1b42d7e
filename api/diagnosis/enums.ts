// The diagnosis centres' lists of values (影像/心电/检验/病理/超声中心), each written once with its zh and en
// labels: the rules and zod schemas, the migration's CHECK constraints (enums.test.ts), the admin UI's
// choices and translations derive from here. The admin UI imports this file: import nothing from node or the database.
import { defineEnum } from '../core/enums';

export const CENTRE_KIND = defineEnum('diagnosis_centre_kind', {
  imaging: { zh: '影像诊断中心', en: 'Imaging' },
  ecg: { zh: '心电诊断中心', en: 'ECG' },
  laboratory: { zh: '医学检验中心', en: 'Laboratory' },
  pathology: { zh: '病理诊断中心', en: 'Pathology' },
  ultrasound: { zh: '超声诊断中心', en: 'Ultrasound' },
});

/** emergency = 急诊 (answered first, the short norms); routine = outpatient and inpatient */
export const DX_URGENCY = defineEnum('diagnosis_urgency', {
  emergency: { zh: '急诊', en: 'Emergency' },
  routine: { zh: '普通', en: 'Routine' },
});

export const DX_STATUS = defineEnum('diagnosis_status', {
  submitted: { zh: '待审核', en: 'Submitted' },
  accepted: { zh: '已接收', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
  assigned: { zh: '已分配', en: 'Assigned' },
  /** signed by the first reader of a service that needs a second signature: not final until another reader co-signs */
  preliminary: { zh: '待复核签名', en: 'Awaiting second signature' },
  reported: { zh: '已报告', en: 'Reported' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
});

/** a senior's re-reading of a sampled report (每月抽查) */
export const AGREEMENT = defineEnum('diagnosis_agreement', {
  agree: { zh: '一致', en: 'Agree' },
  minor: { zh: '轻微差异', en: 'Minor difference' },
  major: { zh: '重大差异', en: 'Major difference' },
});

/** 胸痛绿色通道: the times recorded after the first medical contact, in their order; the last three close the case. */
export const CHEST_PAIN_STEP = defineEnum('chest_pain_step', {
  arrival: { zh: '到达医院', en: 'Arrival at hospital' },
  door: { zh: '进入导管室', en: 'Cath-lab door' },
  balloon: { zh: '球囊扩张', en: 'Balloon (PCI)' },
  fibrinolysis: { zh: '溶栓', en: 'Fibrinolysis' },
  transfer_out: { zh: '转出', en: 'Transfer out' },
});

/** How a chest-pain case closed (the step that closed it). */
export const CHEST_PAIN_OUTCOME = defineEnum('chest_pain_outcome', {
  balloon: { zh: '急诊PCI', en: 'Primary PCI' },
  fibrinolysis: { zh: '溶栓', en: 'Fibrinolysis' },
  transfer_out: { zh: '转出', en: 'Transferred out' },
});

/** 远程会诊: an invitation from a township or branch to the HQ or a branch, step by step (consultations/rules.ts). */
export const CONSULTATION_STATUS = defineEnum('consultation_status', {
  invited: { zh: '已邀请', en: 'Invited' },
  returned: { zh: '资料退回', en: 'Material returned' },
  material_checked: { zh: '资料已审核', en: 'Material checked' },
  scheduled: { zh: '已预约', en: 'Scheduled' },
  room_ready: { zh: '会诊室就绪', en: 'Room ready' },
  held: { zh: '已会诊', en: 'Held' },
  opinion_uploaded: { zh: '意见已上传', en: 'Opinion uploaded' },
  evaluated: { zh: '已评价', en: 'Evaluated' },
  /** withdrawn by the inviting side before it was held (with a coded reason) */
  cancelled: { zh: '已取消', en: 'Cancelled' },
});

/** Why the inviting side withdraws a consultation before it is held; `other` needs its note. */
export const CONSULTATION_CANCEL_REASON = defineEnum('consultation_cancel_reason', {
  patient_declined: { zh: '患者或家属放弃', en: 'Patient or family declined' },
  condition_changed: { zh: '病情变化，无需会诊', en: 'Condition changed, no longer needed' },
  referred_directly: { zh: '已直接转诊', en: 'Referred directly' },
  patient_died: { zh: '患者死亡', en: 'Patient died' },
  duplicate: { zh: '重复邀请', en: 'Duplicate invitation' },
  other: { zh: '其他', en: 'Other' },
});

/** Every diagnosis list the admin UI translates as `enums.<name>.<value>`. */
export const DIAGNOSIS_ENUMS = [
  CENTRE_KIND,
  DX_URGENCY,
  DX_STATUS,
  AGREEMENT,
  CHEST_PAIN_STEP,
  CHEST_PAIN_OUTCOME,
  CONSULTATION_STATUS,
  CONSULTATION_CANCEL_REASON,
];
