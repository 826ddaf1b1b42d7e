// Procurement demo: suppliers under contract, a catalogue of a few hundred items with baseline
// and contract prices (savings near the reference: drugs 6%, consumables 11.6%, office 12.5%),
// requisitions from many members: last month's round consolidated, received, delivered and
// confirmed (stock, ledger); this month's round ordered and partly received with deliveries
// awaiting confirmation; fresh approved lines waiting for consolidation; fixed assets with idle
// equipment on the market and transfers between members. Bulk inserts only.
import type { Knex } from 'knex';
import { fromFen, toFen } from '../api/shared/money';
import { CATEGORY_ACCOUNT, planDeliveries, planOrders, type ApprovedLine, type Category } from '../api/procurement';
import { between, pick, seeded, weighted, type Rng } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';

const SUPPLIERS: [string, Category[]][] = [
  ['国药控股青海有限公司', ['drug']],
  ['青海九州通医药有限公司', ['drug']],
  ['华润青海医药有限公司', ['drug']],
  ['上药控股青海有限公司', ['drug', 'consumable']],
  ['青海威高医疗器械有限公司', ['consumable']],
  ['西宁康泰医用耗材有限公司', ['consumable']],
  ['青海新华文具办公用品有限公司', ['office']],
  ['西宁得力办公用品经销部', ['office']],
  ['迈瑞医疗青海服务中心', ['equipment']],
  ['鱼跃医疗西北经销有限公司', ['equipment', 'consumable']],
];

// name, uom, baseline price range (yuan)
const ITEMS: Record<Category, [string, string, number, number][]> = {
  drug: [
    ['阿莫西林胶囊', '盒', 8, 20],
    ['头孢克肟分散片', '盒', 15, 45],
    ['苯磺酸氨氯地平片', '盒', 10, 35],
    ['硝苯地平控释片', '盒', 20, 40],
    ['二甲双胍缓释片', '盒', 12, 30],
    ['格列美脲片', '盒', 18, 50],
    ['阿托伐他汀钙片', '盒', 25, 60],
    ['阿司匹林肠溶片', '盒', 8, 18],
    ['奥美拉唑肠溶胶囊', '盒', 10, 30],
    ['布洛芬缓释胶囊', '盒', 9, 22],
    ['复方甘草片', '瓶', 5, 12],
    ['氯化钠注射液 250ml', '袋', 2, 5],
    ['葡萄糖注射液 500ml', '袋', 3, 6],
    ['胰岛素注射液', '支', 45, 90],
    ['缬沙坦胶囊', '盒', 20, 45],
    ['厄贝沙坦片', '盒', 15, 40],
    ['蒙脱石散', '盒', 10, 20],
    ['左氧氟沙星片', '盒', 12, 28],
    ['藏红花颗粒', '盒', 30, 80],
    ['板蓝根颗粒', '袋', 8, 16],
  ],
  consumable: [
    ['一次性输液器', '套', 2, 5],
    ['一次性注射器 5ml', '支', 0.4, 1.2],
    ['医用外科口罩', '盒', 15, 35],
    ['医用检查手套', '盒', 25, 60],
    ['医用脱脂纱布', '包', 6, 15],
    ['血糖试纸', '盒', 40, 90],
    ['采血针', '盒', 20, 45],
    ['心电图纸', '本', 12, 30],
    ['医用胶带', '卷', 3, 8],
    ['导尿包', '套', 12, 28],
    ['碘伏消毒液 500ml', '瓶', 8, 18],
    ['真空采血管', '盒', 30, 70],
  ],
  office: [
    ['A4 复印纸', '箱', 120, 180],
    ['中性笔', '盒', 15, 30],
    ['硒鼓', '个', 150, 420],
    ['档案盒', '个', 4, 10],
    ['文件夹', '个', 3, 8],
    ['打印色带', '个', 25, 60],
    ['病历本', '本', 1, 3],
    ['处方笺', '本', 3, 8],
  ],
  equipment: [
    ['电子血压计', '台', 280, 650],
    ['指夹式血氧仪', '台', 120, 300],
    ['便携式心电图机', '台', 6_000, 15_000],
    ['全自动血糖仪', '台', 150, 400],
    ['医用冷藏箱', '台', 3_500, 8_000],
    ['雾化器', '台', 300, 900],
  ],
};
const SPECS: Record<Category, string[]> = {
  drug: ['0.25g×24粒', '0.1g×12片', '5mg×28片', '10mg×30片', '0.5g×60片', '2mg×30片', '20mg×14片', '100mg×30片'],
  consumable: ['成人', '儿童', '大号', '中号', '小号', '灭菌型'],
  office: ['标准', '加厚', '70g', '80g'],
  equipment: ['上臂式', '家用型', '12 导联', '三道'],
};
// the reference group's savings after central buying: drugs 6%, consumables 11.6%, office 12.5%
const DISCOUNT: Record<Category, number> = { drug: 0.06, consumable: 0.116, office: 0.125, equipment: 0.09 };
const ASSETS: [string, string, number, number][] = [
  ['DR 数字化X光机', 'imaging', 450_000, 900_000],
  ['彩色多普勒超声诊断仪', 'imaging', 280_000, 650_000],
  ['全自动生化分析仪', 'laboratory', 180_000, 420_000],
  ['血细胞分析仪', 'laboratory', 60_000, 150_000],
  ['心电监护仪', 'medical_equipment', 18_000, 45_000],
  ['呼吸机', 'medical_equipment', 80_000, 220_000],
  ['救护车', 'vehicle', 250_000, 420_000],
  ['台式电脑', 'it', 4_000, 8_000],
  ['病床', 'furniture', 2_000, 6_000],
  ['牙科综合治疗台', 'medical_equipment', 40_000, 120_000],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const money = (yuan: number) => fromFen(toFen(yuan.toFixed(2)));

export async function seedProcurement(trx: Knex.Transaction, ctx: DemoContext) {
  const rng = seeded(6006);
  const hq = ctx.units.find((u) => u.level === 1)!;
  const user = async (username: string) => (await trx('users').where('username', username).first<{ id: number } | undefined>('id'))!.id;
  const procurement = await user('procurement');
  const finance = await user('finance');

  const suppliers = await trx('suppliers')
    .insert(
      SUPPLIERS.map(([name], i) => ({
        code: `GYS${String(i + 1).padStart(3, '0')}`,
        name,
        contact: pick(rng, ['王经理', '李经理', '马经理', '张主任']),
        phone: `0971-${between(rng, 6000000, 8999999)}`,
        contract_no: `XNYLT-CG-${ctx.today.getUTCFullYear()}-${String(i + 1).padStart(3, '0')}`,
        contract_ends_on: `${ctx.today.getUTCFullYear() + 1}-12-31`,
      })),
    )
    .returning<{ id: number; name: string }[]>(['id', 'name']);
  const supplierFor = (c: Category) => {
    const options = SUPPLIERS.map(([, cats], i) => (cats.includes(c) ? i : -1)).filter((i) => i >= 0);
    return suppliers[pick(rng, options)].id;
  };

  // the catalogue: each base item in several specs, a few hundred at scale 1
  const perBase = Math.max(1, Math.round(8 * Math.min(1, ctx.scale * 2)));
  const items: Record<string, unknown>[] = [];
  for (const c of Object.keys(ITEMS) as Category[]) {
    for (const [name, uom, lo, hi] of ITEMS[c]) {
      for (let k = 0; k < (c === 'equipment' ? Math.min(2, perBase) : perBase); k++) {
        const baseline = lo + (hi - lo) * rng();
        const discount = DISCOUNT[c] + (rng() - 0.5) * 0.03;
        items.push({
          code: `${c[0].toUpperCase()}${String(items.length + 1).padStart(4, '0')}`,
          name,
          category: c,
          spec: SPECS[c][k % SPECS[c].length],
          uom,
          baseline_price: money(baseline),
          contract_price: money(Math.max(0.01, baseline * (1 - discount))),
          supplier_id: supplierFor(c),
          account: CATEGORY_ACCOUNT[c],
        });
      }
    }
  }
  const catalog: { id: number; category: Category; supplier_id: number; contract_price: string; baseline_price: string }[] = await trx('catalog_items')
    .insert(items)
    .returning(['id', 'category', 'supplier_id', 'contract_price', 'baseline_price']);

  // requisitions from townships and villages in three rounds
  const members = ctx.units.filter((u) => u.level >= 3);
  const directors = new Map<number, number>(
    (await trx('users').select<{ id: number; org_unit_id: number }[]>('id', 'org_unit_id').whereRaw("'director' = any(roles)")).map((d) => [
      d.org_unit_id,
      d.id,
    ]),
  );
  const byId = new Map(ctx.units.map((u) => [u.id, u]));
  const perRound = Math.max(12, Math.round(150 * ctx.scale));
  const rounds = [
    { name: 'delivered', daysAgo: 40, count: perRound },
    { name: 'in_delivery', daysAgo: 8, count: perRound },
    { name: 'awaiting_order', daysAgo: 2, count: Math.max(10, Math.round(perRound / 2)) },
    { name: 'submitted', daysAgo: 1, count: Math.max(6, Math.round(perRound / 4)) },
  ];
  const day = (ago: number) => iso(new Date(ctx.today.getTime() - ago * 86_400_000));
  const reqRows: Record<string, unknown>[] = [];
  const reqLines: { round: string; lines: { item_id: number; requested_qty: number; approved_qty: number | null }[] }[] = [];
  for (const round of rounds) {
    for (let i = 0; i < round.count; i++) {
      const unit = round.name === 'delivered' || round.name === 'in_delivery' ? members[(i * 7 + round.daysAgo) % members.length] : pick(rng, members);
      const approver = unit.level === 4 ? directors.get(unit.parent_id!) : directors.get(byId.get(unit.parent_id!)!.id);
      const status = round.name === 'submitted' ? (rng() < 0.2 ? pick(rng, ['rejected', 'cancelled']) : 'submitted') : 'approved';
      reqRows.push({
        org_unit_id: unit.id,
        status,
        note: pick(rng, ['月度常规申领', '慢病用药补充', '防疫物资储备', '办公用品补充']),
        requested_by: directors.get(unit.id),
        decided_by: status === 'submitted' ? null : approver,
        decided_at: status === 'submitted' ? null : `${day(round.daysAgo)}T09:00:00Z`,
        created_at: `${day(round.daysAgo + 1)}T08:00:00Z`,
        decision_comment: status === 'rejected' ? '库存充足，暂不采购' : null,
      });
      const chosen = new Set<number>();
      const n = between(rng, 2, 6);
      while (chosen.size < Math.min(n, catalog.length))
        chosen.add(
          catalog[
            weighted(
              rng,
              catalog.map((c) => (c.category === 'equipment' ? 0.2 : 1)),
            )
          ].id,
        );
      reqLines.push({
        round: round.name,
        lines: [...chosen].map((item_id) => {
          const requested = between(rng, 2, 60);
          return {
            item_id,
            requested_qty: requested,
            approved_qty: status === 'approved' ? (rng() < 0.85 ? requested : Math.max(1, Math.floor(requested * 0.7))) : null,
          };
        }),
      });
    }
  }
  const reqIds: { id: number; org_unit_id: number }[] = await trx('requisitions').insert(reqRows).returning(['id', 'org_unit_id']);
  const lineRows = reqLines.flatMap((r, i) => r.lines.map((l) => ({ ...l, requisition_id: reqIds[i].id, org_unit_id: reqIds[i].org_unit_id })));
  const lines: { id: number; requisition_id: number; org_unit_id: number; item_id: number; approved_qty: number | null }[] = [];
  for (let i = 0; i < lineRows.length; i += 1000)
    lines.push(
      ...(await trx('requisition_lines')
        .insert(lineRows.slice(i, i + 1000))
        .returning<typeof lines>(['id', 'requisition_id', 'org_unit_id', 'item_id', 'approved_qty'])),
    );
  const roundOf = new Map(reqIds.map((r, i) => [r.id, reqLines[i].round]));
  const itemById = new Map(catalog.map((c) => [c.id, c]));
  const lineById = new Map(lines.map((l) => [l.id, l]));

  let orders = 0;
  let deliveries = 0;
  for (const round of rounds.slice(0, 2)) {
    const approved: ApprovedLine[] = lines
      .filter((l) => roundOf.get(l.requisition_id) === round.name && l.approved_qty)
      .map((l) => ({
        id: l.id,
        org_unit_id: l.org_unit_id,
        item_id: l.item_id,
        supplier_id: itemById.get(l.item_id)!.supplier_id,
        approved_qty: l.approved_qty!,
        contract_price: itemById.get(l.item_id)!.contract_price,
        baseline_price: itemById.get(l.item_id)!.baseline_price,
      }));
    const plans = planOrders(approved);
    const orderDate = day(round.daysAgo - 1);
    const delivered = round.name === 'delivered';
    const pos: { id: number; supplier_id: number }[] = await trx('purchase_orders')
      .insert(
        plans.map((p, i) => ({
          number: `PO${orderDate.replace(/-/g, '')}-${round.name === 'delivered' ? 'A' : 'B'}${String(i + 1).padStart(3, '0')}`,
          supplier_id: p.supplier_id,
          org_unit_id: hq.id,
          order_date: orderDate,
          status: delivered ? 'closed' : 'partially_received',
          total_amount: fromFen(p.total),
          baseline_amount: fromFen(p.baseline),
          created_by: procurement,
          sent_at: `${orderDate}T10:00:00Z`,
          closed_at: delivered ? `${day(round.daysAgo - 12)}T10:00:00Z` : null,
        })),
      )
      .returning(['id', 'supplier_id']);
    orders += pos.length;
    const poOf = new Map(pos.map((p) => [p.supplier_id, p.id]));
    // received: everything for the delivered round; about 60% of each line for the current one
    const polRows = plans.flatMap((p) =>
      p.lines.map((l) => ({
        purchase_order_id: poOf.get(p.supplier_id)!,
        item_id: l.item_id,
        quantity: l.quantity,
        unit_price: l.unit_price,
        baseline_price: l.baseline_price,
        received_qty: delivered ? l.quantity : Math.floor(l.quantity * 0.6),
        ids: l.requisition_line_ids,
      })),
    );
    const pols: { id: number; purchase_order_id: number; item_id: number; received_qty: number }[] = await trx('purchase_order_lines')
      .insert(polRows.map(({ ids: _ids, ...r }) => r))
      .returning(['id', 'purchase_order_id', 'item_id', 'received_qty']);
    await trx.raw('update requisition_lines rl set purchase_order_line_id = x.pol from unnest(?::int[], ?::int[]) x(rid, pol) where rl.id = x.rid', [
      polRows.flatMap((r) => r.ids),
      polRows.flatMap((r, i) => r.ids.map(() => pols[i].id)),
    ]);
    await trx('receipts').insert(
      pos.map((p) => ({
        purchase_order_id: p.id,
        received_on: day(round.daysAgo - 4),
        received_by: procurement,
        note: delivered ? '全部到货' : '首批到货',
        lines: JSON.stringify(
          pols.filter((l) => l.purchase_order_id === p.id).map((l) => ({ purchase_order_line_id: l.id, item_id: l.item_id, quantity: l.received_qty })),
        ),
      })),
    );

    // deliveries to members from what was received
    for (const p of pos) {
      const idx = pols.map((_l, i) => i).filter((i) => pols[i].purchase_order_id === p.id);
      const orderLines = idx.map((i) => ({ id: pols[i].id, received_qty: pols[i].received_qty, shipped_qty: 0 }));
      const reqOpen = idx.flatMap((i) =>
        polRows[i].ids.map((rid) => {
          const l = lineById.get(rid)!;
          return {
            id: l.id,
            org_unit_id: l.org_unit_id,
            item_id: l.item_id,
            purchase_order_line_id: pols[i].id,
            approved_qty: l.approved_qty!,
            shipped_qty: 0,
          };
        }),
      );
      const plan = planDeliveries(orderLines, reqOpen);
      if (!plan.length) continue;
      const ds: { id: number; org_unit_id: number }[] = await trx('deliveries')
        .insert(
          plan.map((d) => ({
            purchase_order_id: p.id,
            org_unit_id: d.org_unit_id,
            status: delivered ? 'confirmed' : 'shipped',
            shipped_on: day(round.daysAgo - 5),
            shipped_by: procurement,
            received_by_name: delivered ? '药房负责人' : null,
            proof_note: delivered ? '签收单已上传' : null,
            confirmed_by: delivered ? directors.get(d.org_unit_id) : null,
            confirmed_at: delivered ? `${day(round.daysAgo - 7)}T15:00:00Z` : null,
          })),
        )
        .returning(['id', 'org_unit_id']);
      deliveries += ds.length;
      const dl = plan.flatMap((d, i) =>
        d.lines.map((l) => {
          const rejected = delivered && rng() < 0.04 ? 1 : 0;
          return {
            delivery_id: ds[i].id,
            requisition_line_id: l.requisition_line_id,
            item_id: l.item_id,
            shipped_qty: l.shipped_qty,
            accepted_qty: delivered ? l.shipped_qty - rejected : null,
            rejected_qty: delivered ? rejected : null,
            rejection_reason: rejected ? '外包装破损' : null,
            pol: l.purchase_order_line_id,
          };
        }),
      );
      await trx.batchInsert(
        'delivery_lines',
        dl.map(({ pol: _p, ...r }) => r),
        1000,
      );
      await trx.raw(
        `update requisition_lines rl set shipped_qty = x.s, accepted_qty = x.a, rejected_qty = x.r
           from unnest(?::int[], ?::int[], ?::int[], ?::int[]) x(id, s, a, r) where rl.id = x.id`,
        [dl.map((l) => l.requisition_line_id), dl.map((l) => l.shipped_qty), dl.map((l) => l.accepted_qty ?? 0), dl.map((l) => l.rejected_qty ?? 0)],
      );
      await trx.raw('update purchase_order_lines pol set shipped_qty = x.s from (select unnest(?::int[]) as id, unnest(?::int[]) as s) x where pol.id = x.id', [
        orderLines.map((o) => o.id),
        orderLines.map((o) => dl.filter((l) => l.pol === o.id).reduce((s, l) => s + l.shipped_qty, 0)),
      ]);
      if (delivered) {
        // accepted goods: into the member's stock and onto its ledger, per account
        await trx.raw(
          `insert into stock (org_unit_id, item_id, quantity)
           select d.org_unit_id, dl.item_id, sum(dl.accepted_qty) from delivery_lines dl join deliveries d on d.id = dl.delivery_id
            where d.id = any(?::int[]) and dl.accepted_qty > 0 group by 1, 2
           on conflict (org_unit_id, item_id) do update set quantity = stock.quantity + excluded.quantity`,
          [ds.map((d) => d.id)],
        );
        await trx.raw(
          `insert into stock_movements (org_unit_id, item_id, quantity, source_type, source_id)
           select d.org_unit_id, dl.item_id, dl.accepted_qty, 'deliveries', d.id from delivery_lines dl join deliveries d on d.id = dl.delivery_id
            where d.id = any(?::int[]) and dl.accepted_qty > 0`,
          [ds.map((d) => d.id)],
        );
        const entries = await trx.raw<{ rows: ({ id: number; created_by: number } & Record<string, unknown>)[] }>(
          `insert into ledger_entries (org_unit_id, entry_date, debit_account, credit_account, amount, memo, source_type, source_id, created_by)
           select d.org_unit_id, ?::date, ci.account, 'payables', sum(dl.accepted_qty * pol.unit_price), '集中采购配送 #' || d.id || ' 验收入库', 'deliveries', d.id, ?
             from delivery_lines dl join deliveries d on d.id = dl.delivery_id
             join requisition_lines rl on rl.id = dl.requisition_line_id
             join purchase_order_lines pol on pol.id = rl.purchase_order_line_id
             join catalog_items ci on ci.id = dl.item_id
            where d.id = any(?::int[]) and dl.accepted_qty > 0
            group by d.org_unit_id, d.id, ci.account
           returning *`,
          [day(round.daysAgo - 7), finance, ds.map((d) => d.id)],
        );
        await trx('audit_log').insert(
          entries.rows.map((e) => ({
            actor_id: e.created_by,
            actor_name: 'system',
            action: 'post',
            resource: 'ledger-entries',
            record_id: String(e.id),
            after: JSON.stringify(e),
          })),
        );
      }
    }
  }

  const assets = await seedAssets(trx, ctx, rng);
  return { suppliers: suppliers.length, items: catalog.length, requisitions: reqIds.length, lines: lines.length, orders, deliveries, ...assets };
}

async function seedAssets(trx: Knex.Transaction, ctx: DemoContext, rng: Rng) {
  const finance = (await trx('users').where('username', 'finance').first<{ id: number } | undefined>('id'))!.id;
  const holders = ctx.units.filter((u) => u.level <= 3);
  const count = Math.max(30, Math.round(600 * ctx.scale));
  const rows = Array.from({ length: count }, (_, i) => {
    const [name, category, lo, hi] =
      ASSETS[
        weighted(
          rng,
          ASSETS.map((a) => (a[2] > 100_000 ? 1 : 3)),
        )
      ];
    const unit = holders[i % holders.length];
    const status = i % holders.length === 0 && i > 0 ? 'pending_approval' : rng() < 0.12 ? 'idle' : 'in_use';
    return {
      org_unit_id: unit.id,
      code: `ZC${String(i + 1).padStart(5, '0')}`,
      name,
      category,
      value: money(lo + (hi - lo) * rng()),
      acquired_on: iso(new Date(ctx.today.getTime() - between(rng, 60, 3000) * 86_400_000)),
      status,
      note: status === 'idle' ? pick(rng, ['业务调整后闲置', '新设备到位后替换下来', '科室合并闲置']) : null,
    };
  });
  const assets: { id: number; org_unit_id: number; status: string }[] = await trx('assets').insert(rows).returning(['id', 'org_unit_id', 'status']);
  // history: a few idle assets already moved to townships that needed them, one request open
  const idle = assets.filter((a) => a.status === 'idle');
  const townships = ctx.units.filter((u) => u.level === 3);
  const directors = new Map<number, number>(
    (await trx('users').select<{ id: number; org_unit_id: number }[]>('id', 'org_unit_id').whereRaw("'director' = any(roles)")).map((d) => [
      d.org_unit_id,
      d.id,
    ]),
  );
  const moved = idle.slice(0, Math.max(1, Math.floor(idle.length / 4)));
  const transfers = moved.map((a, i) => {
    const to = townships.filter((t) => t.id !== a.org_unit_id)[i % (townships.length - 1)];
    return {
      asset_id: a.id,
      from_org_unit_id: a.org_unit_id,
      to_org_unit_id: to.id,
      status: i === moved.length - 1 ? 'requested' : 'approved',
      reason: '本院缺少该设备，申请调剂使用',
      requested_by: directors.get(to.id),
      decided_by: i === moved.length - 1 ? null : finance,
      decided_at: i === moved.length - 1 ? null : new Date(ctx.today.getTime() - 20 * 86_400_000).toISOString(),
    };
  });
  if (transfers.length) {
    await trx('asset_transfers').insert(transfers);
    for (const t of transfers) {
      await trx('assets')
        .where('id', t.asset_id)
        .update(t.status === 'approved' ? { org_unit_id: t.to_org_unit_id, status: 'in_use' } : { status: 'transferring' });
    }
  }
  return { assets: assets.length, idle: idle.length - transfers.length, transfers: transfers.length };
}

export const procurementDemo: DemoStep = { name: 'procurement', run: seedProcurement };
