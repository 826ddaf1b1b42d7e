// The monthly job settlement.monthly-provisional: on the 1st it creates and calculates the
// previous month's provisional run of each fund year; run twice for the same month it does so
// once (the second run leaves the calculated run alone), each run recorded in job_runs.
import { expect } from 'chai';
import { get, post, type AnswerOf, type Json } from '../../scripts/test/harness';
import { runJob } from '../jobs';
import { previousMonth } from './jobs';
import type { FundYear } from './fundYears/model';
import type { SettlementRun } from './runs/model';
import type { readRun } from './runs/service';

const YEAR = 2022;

describe('settlement monthly provisional job', function () {
  this.timeout(120_000);
  let fundYearId: number;

  before(async () => {
    const r = await post<Json<FundYear>>(
      '/api/fund-years',
      { region: '定时县', year: YEAR, insured_count: 1000, premium_total: '1090000.00', catastrophic_pool: '109000.00', outpatient_pool: '130800.00' },
      { as: 'finance' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    fundYearId = r.body.id;
  });

  it('the previous month is taken in Asia/Shanghai time', () => {
    expect(previousMonth(new Date('2022-06-01T02:30:00+08:00'))).to.deep.equal({ year: YEAR, month: 5 });
    // 23:00 UTC on 31 May is already 1 June in Xining
    expect(previousMonth(new Date('2022-05-31T23:00:00Z'))).to.deep.equal({ year: YEAR, month: 5 });
    expect(previousMonth(new Date('2023-01-01T02:30:00+08:00'))).to.deep.equal({ year: YEAR, month: 12 });
  });

  it('run twice for the same month: creates and calculates the previous month’s run once', async () => {
    const now = new Date('2022-06-01T02:30:00+08:00');
    const runsOf = async () =>
      (
        await get<Json<SettlementRun>[]>('/api/settlement-runs', {
          as: 'finance',
          query: { filter: JSON.stringify({ fund_year_id: fundYearId }), range: '[0,99]' },
        })
      ).body as {
        id: number;
        period: string;
        kind: string;
        status: string;
        version: number;
      }[];
    expect(await runsOf()).to.deep.equal([]);

    const first = await runJob('settlement.monthly-provisional', { now, triggeredBy: 'test' });
    expect(first.status, JSON.stringify(first)).to.equal('succeeded');
    const mine = (first.result as { period: string; runs: { fund_year_id: number; run_id: number; action: string }[] }).runs.find(
      (r) => r.fund_year_id === fundYearId,
    );
    expect((first.result as { period: string }).period).to.equal('2022-05');
    expect(mine?.action).to.equal('created and calculated');
    const afterFirst = await runsOf();
    expect(afterFirst).to.have.length(1);
    expect(afterFirst[0]).to.include({ id: mine!.run_id, period: '2022-05', kind: 'provisional', status: 'calculated', version: 1 });
    const run = (await get<AnswerOf<typeof readRun>>(`/api/settlement-runs/${mine!.run_id}`, { as: 'finance' })).body;
    expect(run.figures?.through_month).to.equal(5);
    expect(run.figures?.budget).to.equal('318825.00'); // (1,090,000 − 109,000 − 130,800) × 0.9 = 765,180.00 a year; five months of 1/12
    expect(run.events.map((e) => e.action)).to.deep.equal(['created', 'calculated']);

    const second = await runJob('settlement.monthly-provisional', { now, triggeredBy: 'test' });
    expect(second.status).to.equal('succeeded');
    const again = (second.result as { runs: { fund_year_id: number; run_id: number; action: string }[] }).runs.find((r) => r.fund_year_id === fundYearId);
    expect(again).to.include({ run_id: mine!.run_id, action: 'left calculated' });
    const afterSecond = await runsOf();
    expect(afterSecond).to.have.length(1);
    expect(afterSecond[0]).to.include({ id: mine!.run_id, status: 'calculated', version: 1 });

    // both runs are recorded in job-runs
    const jobRuns = await get<{ id: number }[]>('/api/job-runs', {
      as: 'admin',
      query: { filter: JSON.stringify({ job: 'settlement.monthly-provisional' }), range: '[0,99]' },
    });
    expect(jobRuns.status, JSON.stringify(jobRuns.body)).to.equal(200);
    expect(jobRuns.body.map((j) => j.id)).to.include.members([first.id, second.id]);
  });
});
