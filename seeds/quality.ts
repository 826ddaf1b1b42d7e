// Quality management demo (issue 21, part 2). The reference (section 二) says the group set up 24
// professional committees on the HQ's own and 19 management departments (财务管理中心, 药械采购中心,
// 健康管理部 are named) but does not list the committees' names: the ones below are the committees a
// Chinese hospital group keeps by regulation (医疗质量, 药事, 护理, 院感, 病案 …), 24 of them. Members are
// drawn from the HR registry (HQ and branch staff with a senior title first), each committee with a chair,
// a secretary and members; meetings and a training session each quarter; two checklists; this year's
// inspections of a few townships by the committees and the HQ–B1 cross-inspection (总院与分院交叉检查),
// with findings mostly verified and a few open. Units B2 and B3 are left uninspected (the tests use them).
import type { Knex } from 'knex';
import { addDays, dayKey } from '../api/core/clock';
import { inspectionScore } from '../api/quality';
import { between, pick, seeded } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';

export const COMMITTEES: [string, string][] = [
  ['医疗质量管理委员会', '医疗质量与安全、核心制度落实、质控标准统一'],
  ['药事管理与药物治疗学委员会', '合理用药、处方点评、重点监控药品、抗菌药物管理'],
  ['护理质量管理委员会', '护理质量、护理安全与护理培训'],
  ['医院感染管理委员会', '院感防控、消毒隔离、多重耐药菌监测'],
  ['病案管理委员会', '病历书写质量、病案首页、归档与借阅'],
  ['医疗技术临床应用管理委员会', '医疗技术准入与限制类技术管理'],
  ['输血管理委员会', '临床用血审核与输血安全'],
  ['医学伦理委员会', '临床研究与新技术的伦理审查'],
  ['医疗安全与纠纷管理委员会', '不良事件上报、医疗纠纷处置'],
  ['临床检验质量管理委员会', '检验室间质评、危急值管理'],
  ['医学影像质量管理委员会', '影像诊断质量与远程影像中心'],
  ['心电诊断质量管理委员会', '心电诊断中心与村级心电覆盖'],
  ['急诊急救与胸痛卒中管理委员会', '急诊急救、胸痛与卒中中心建设'],
  ['双向转诊管理委员会', '转诊标准、绿色通道与下转康复'],
  ['中医药管理委员会', '中医诊疗、中医适宜技术推广'],
  ['公共卫生与健康管理委员会', '基本公共卫生服务、慢病管理、家庭医生签约'],
  ['信息化建设委员会', '信息系统、互联网医疗与数据安全'],
  ['科研与教育培训委员会', '进修、规培、继续教育与科研'],
  ['人才队伍建设委员会', '人才引进、下派上派与职称评聘'],
  ['绩效考核与分配委员会', '绩效考核方案与绩效工资分配'],
  ['医保管理委员会', '医保打包付费、费用控制与医保监管'],
  ['设备与物资管理委员会', '设备购置论证、物资采购与调剂'],
  ['后勤与安全生产委员会', '后勤保障、消防与安全生产'],
  ['行风建设与医德医风委员会', '行风建设、医德考评、患者满意度'],
];

const CHECKLISTS: [string, number, [string, number][]][] = [
  [
    '基层医疗质量督查表',
    0,
    [
      ['核心制度落实（首诊负责、三级查房、交接班）', 20],
      ['病历与处方书写规范', 20],
      ['合理用药与抗菌药物使用', 15],
      ['院感防控与消毒隔离', 15],
      ['急救药品与设备完好', 10],
      ['慢病随访与健康档案质量', 20],
    ],
  ],
  [
    '交叉检查评分表（总院—分院）',
    0,
    [
      ['医疗质量与安全', 25],
      ['护理质量', 20],
      ['院感管理', 15],
      ['药事管理', 15],
      ['病案质量', 15],
      ['患者满意度', 10],
    ],
  ],
];

const FINDINGS: [string, 'minor' | 'major' | 'critical'][] = [
  ['部分病历首次病程记录超时完成', 'minor'],
  ['抗菌药物使用无指征记录', 'major'],
  ['急救车药品过期一支未及时更换', 'major'],
  ['治疗室医疗废物分类不规范', 'minor'],
  ['高血压患者随访血压记录不全', 'minor'],
  ['消毒液浓度监测记录缺失', 'major'],
  ['处方超过五种药品且无说明', 'minor'],
  ['手卫生依从性低于 60%', 'critical'],
];

export const qualityDemo: DemoStep = {
  name: 'quality',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const rng = seeded(2112);
    const today = dayKey(ctx.today);
    const unit = (code: string) => ctx.units.find((u) => u.code === code);
    const hq = unit('HQ')!;
    const b1 = unit('B1')!;
    const committees = await trx('quality_committees')
      .insert([
        ...COMMITTEES.map(([name, remit]) => ({ name, remit, kind: 'committee' })),
        ...['财务管理中心', '药械采购中心', '健康管理部'].map((name) => ({ name, kind: 'department', remit: '集团管理部门（参考案例点名的部门）' })),
      ])
      .returning<{ id: number; name: string }[]>(['id', 'name']);

    // members: senior staff of the HQ and the branches, a chair, a secretary and 3–6 members each
    const staff = await trx<{ id: number }>('staff')
      .select('id')
      .where('status', 'active')
      .whereIn(
        'employer_org_unit_id',
        ctx.units.filter((u) => u.level <= 2).map((u) => u.id),
      )
      .orderBy('id');
    const members: Record<string, unknown>[] = [];
    if (staff.length >= 8) {
      for (const c of committees.slice(0, COMMITTEES.length)) {
        const n = Math.min(staff.length, between(rng, 5, 8));
        const chosen = new Set<number>();
        while (chosen.size < n) chosen.add(pick(rng, staff).id);
        [...chosen].forEach((staff_id, i) =>
          members.push({
            committee_id: c.id,
            staff_id,
            role: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : i === n - 1 ? 'secretary' : 'member',
            joined_on: `${today.slice(0, 4)}-01-01`,
          }),
        );
      }
      await trx('quality_committee_members').insert(members);
    }

    // meetings: the quarter's meeting of every committee so far this year, and a training session each half-year
    const year = Number(today.slice(0, 4));
    const meetings: Record<string, unknown>[] = [];
    for (const c of committees.slice(0, COMMITTEES.length)) {
      for (const q of [0, 1, 2, 3]) {
        const held = `${year}-${String(q * 3 + 1).padStart(2, '0')}-${String(between(rng, 10, 25))}`;
        if (held > today) continue;
        meetings.push({
          committee_id: c.id,
          kind: 'meeting',
          held_on: held,
          topic: `${c.name}第${q + 1}季度工作会议`,
          minutes: `通报上季度${c.name.replace('委员会', '')}督查情况，分析存在问题，部署本季度工作。`,
          decisions: '一、统一质控标准；二、对上季度未整改问题限期整改；三、下季度开展专项检查。',
          attendees: between(rng, 6, 15),
        });
        if (q % 2 === 1)
          meetings.push({
            committee_id: c.id,
            kind: 'training',
            held_on: addDays(held, 3) > today ? held : addDays(held, 3),
            topic: `${c.name.replace('管理委员会', '').replace('委员会', '')}培训班`,
            minutes: '面向各分院、乡镇卫生院及村卫生室的专题培训。',
            decisions: null,
            attendees: between(rng, 30, 80),
          });
      }
    }
    if (meetings.length) await trx('quality_meetings').insert(meetings);

    // checklists
    const medical = committees[0].id;
    const lists: { id: number; items: { id: number; max_score: string }[] }[] = [];
    for (const [name, , items] of CHECKLISTS) {
      const [list] = await trx('quality_checklists').insert({ name, committee_id: medical }).returning<{ id: number }[]>(['id']);
      const rows = await trx('quality_checklist_items')
        .insert(items.map(([title, max], i) => ({ checklist_id: list.id, seq: i + 1, title, max_score: max })))
        .returning<{ id: number; max_score: string }[]>(['id', 'max_score']);
      lists.push({ id: list.id, items: rows });
    }

    // inspections 90–30 days ago: committees inspect townships, the HQ and B1 cross-inspect each other
    const townships = ctx.units.filter((u) => u.level === 3).slice(0, 6);
    const plans = [
      ...townships.map((t, i) => ({ kind: 'committee', committee_id: committees[i % 4].id, inspector_org_unit_id: null, org_unit_id: t.id, list: lists[0] })),
      { kind: 'cross', committee_id: null, inspector_org_unit_id: hq.id, org_unit_id: b1.id, list: lists[1] },
      { kind: 'cross', committee_id: null, inspector_org_unit_id: b1.id, org_unit_id: hq.id, list: lists[1] },
    ];
    let inspections = 0;
    let findings = 0;
    for (const [i, p] of plans.entries()) {
      const on = addDays(today, -90 + i * 7);
      const scores = p.list.items.map((it) => ({ item_id: it.id, max_score: it.max_score, score: (Number(it.max_score) * between(rng, 70, 100)) / 100 }));
      const scored = scores.map((s) => ({ ...s, score: (Math.round(s.score * 2) / 2).toFixed(2) }));
      const score = inspectionScore(scored)!;
      const completedAt = new Date(Date.parse(`${on}T10:00:00+08:00`));
      const [row] = await trx('quality_inspections')
        .insert({
          kind: p.kind,
          committee_id: p.committee_id,
          inspector_org_unit_id: p.inspector_org_unit_id,
          org_unit_id: p.org_unit_id,
          checklist_id: p.list.id,
          inspected_on: on,
          status: 'completed',
          score: score.toFixed(2),
          completed_at: completedAt,
          summary: '按督查表逐项检查，总体良好，存在问题已当场反馈并限期整改。',
          created_at: completedAt,
          updated_at: completedAt,
        })
        .returning<{ id: number }[]>(['id']);
      inspections++;
      await trx('quality_inspection_scores').insert(scored.map((s) => ({ inspection_id: row.id, item_id: s.item_id, score: s.score })));
      for (let k = 0; k < between(rng, 1, 3); k++) {
        const [title, severity] = pick(rng, FINDINGS);
        const deadline = addDays(on, 30);
        // most rectified and verified before the deadline; every third still open (overdue when past it)
        const closed = findings % 3 !== 2;
        const reportedAt = new Date(Date.parse(`${addDays(on, 20)}T15:00:00+08:00`));
        const closedAt = new Date(Date.parse(`${addDays(on, 25)}T11:00:00+08:00`));
        // an open one past its deadline was escalated by the daily job (quality.escalate, 07:30) the morning after
        const escalatedAt = !closed && deadline < today ? new Date(Date.parse(`${addDays(deadline, 1)}T07:30:00+08:00`)) : null;
        const [f] = await trx('quality_findings')
          .insert({
            inspection_id: row.id,
            org_unit_id: p.org_unit_id,
            inspector_org_unit_id: p.inspector_org_unit_id,
            severity,
            title,
            deadline,
            status: closed ? 'verified' : 'open',
            rectification: closed ? '已组织科室学习整改，完善相关制度并复查。' : null,
            evidence: closed ? '整改报告及复查记录（科室存档）' : null,
            reported_at: closed ? reportedAt : null,
            closed_at: closed ? closedAt : null,
            escalated_at: escalatedAt,
            created_at: completedAt,
            updated_at: closed ? closedAt : completedAt,
          })
          .returning<{ id: number }[]>(['id']);
        await trx('quality_finding_events').insert([
          { finding_id: f.id, kind: 'create', to_status: 'open', actor_name: 'system', at: completedAt },
          ...(closed
            ? [
                { finding_id: f.id, kind: 'report', from_status: 'open', to_status: 'reported', actor_name: 'system', at: reportedAt },
                { finding_id: f.id, kind: 'verify', from_status: 'reported', to_status: 'verified', actor_name: 'system', at: closedAt },
              ]
            : []),
          ...(escalatedAt
            ? [
                {
                  finding_id: f.id,
                  kind: 'escalate',
                  from_status: 'open',
                  to_status: 'open',
                  actor_name: 'system',
                  at: escalatedAt,
                  note: `overdue 1 days past ${deadline} (quality.escalate ${addDays(deadline, 1)})`,
                },
              ]
            : []),
        ]);
        findings++;
      }
    }
    return { committees: committees.length, members: members.length, meetings: meetings.length, inspections, findings };
  },
};
