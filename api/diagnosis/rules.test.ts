import { expect } from 'chai';
import {
  chestPainClock,
  chestPainFigures,
  chestPainProblem,
  chestPainStepProblem,
  cosignProblem,
  defaultNorms,
  evaluationProblem,
  drawSample,
  dutyProblem,
  rosterProblem,
  escalationLevel,
  isStemi,
  nextStatus,
  openSteps,
  percentile,
  readerProblem,
  reportStatus,
  sniffType,
  type ChestPainCaseFacts,
  type ReaderFacts,
  nearestPci,
  pciUnitProblem,
} from './rules';
import { seeded } from '../shared/random';

describe('diagnosis rules', () => {
  it('norms: the national defaults per kind and modality', () => {
    expect(defaultNorms('ecg')).to.deep.equal({ emergency: 30, routine: 120 });
    expect(defaultNorms('imaging', 'CT')).to.deep.equal({ emergency: 60, routine: 240 });
    expect(defaultNorms('imaging', 'XR')).to.deep.equal({ emergency: 30, routine: 120 });
    expect(defaultNorms('pathology', 'FROZEN')).to.deep.equal({ emergency: 60, routine: null });
    expect(defaultNorms('pathology')).to.deep.equal({ emergency: null, routine: 4 * 24 * 60 });
  });

  it('state machine: a wrong step names the allowed ones', () => {
    expect(nextStatus('submitted', 'accept')).to.deep.equal({ to: 'accepted' });
    expect(nextStatus('assigned', 'assign')).to.deep.equal({ to: 'assigned' });
    expect(nextStatus('accepted', 'report')).to.deep.equal({
      problem: 'cannot report a accepted request; allowed from accepted: assign, return',
      allowed: ['assign', 'return'],
    });
    expect(nextStatus('acknowledged', 'acknowledge')).to.include({
      problem: 'cannot acknowledge a acknowledged request; allowed from acknowledged: correct',
    });
    expect(nextStatus('returned', 'accept')).to.include({ problem: 'cannot accept a returned request; allowed from returned: none (final)' });
    expect(nextStatus('preliminary', 'acknowledge')).to.deep.equal({
      problem: 'cannot acknowledge a preliminary request; allowed from preliminary: cosign',
      allowed: ['cosign'],
    });
  });

  it('second signature: a report or a correction of such a service is preliminary until another reader co-signs; an evaluation once, of a final report', () => {
    expect([reportStatus('reported', 'report', true), reportStatus('reported', 'correct', true), reportStatus('reported', 'cosign', true)]).to.deep.equal([
      'preliminary',
      'preliminary',
      'reported',
    ]);
    expect(reportStatus('reported', 'report', false)).to.equal('reported');
    expect(cosignProblem(7, 7)).to.match(/another reader/);
    expect(cosignProblem(7, 8)).to.equal(null);
    expect(evaluationProblem({ status: 'preliminary', evaluated_at: null })).to.match(/no final report/);
    expect(evaluationProblem({ status: 'acknowledged', evaluated_at: null })).to.equal(null);
    expect(evaluationProblem({ status: 'reported', evaluated_at: '2026-12-01T02:00:00Z' })).to.match(/already/);
  });

  it('readers: at the centre’s unit, active, a titled physician with a valid licence; a senior for the re-reading', () => {
    const p: ReaderFacts = {
      id: 1,
      name: '甲',
      status: 'active',
      category: 'doctor',
      title: 'physician',
      work_org_unit_id: 9,
      licence_kinds: ['physician'],
    };
    const centre = { kind: 'ecg' as const, host_org_unit_id: 9 };
    expect(readerProblem(p, centre)).to.equal(null);
    expect(readerProblem(p, centre, true)).to.match(/senior/);
    expect(readerProblem({ ...p, title: 'attending_physician' }, centre, true)).to.equal(null);
    expect(readerProblem({ ...p, licence_kinds: [] }, centre)).to.match(/licence/);
    expect(readerProblem({ ...p, work_org_unit_id: 8 }, centre)).to.match(/unit/);
    expect(readerProblem({ ...p, category: 'technician', title: 'technician', licence_kinds: ['technician'] }, centre)).to.match(/not a doctor/);
    expect(readerProblem({ ...p, category: 'technician', title: 'technician', licence_kinds: ['technician'] }, { ...centre, kind: 'laboratory' })).to.equal(
      null,
    );
    expect(readerProblem({ ...p, title: 'assistant_physician' }, centre)).to.match(/title/);
  });

  it('critical values: step 1 after the window, step 2 after a second', () => {
    const t = new Date('2026-12-01T02:00:00Z');
    const at = (m: number) => new Date(t.getTime() + m * 60_000);
    expect([escalationLevel(t, 15, at(15)), escalationLevel(t, 15, at(16)), escalationLevel(t, 15, at(30)), escalationLevel(t, 15, at(31))]).to.deep.equal([
      0, 1, 1, 2,
    ]);
  });

  it('attachments are known by their bytes', () => {
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).to.equal('image/png');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).to.equal('image/jpeg');
    expect(sniffType(new TextEncoder().encode('%PDF-1.7'))).to.equal('application/pdf');
    const dicom = new Uint8Array(132);
    dicom.set([0x44, 0x49, 0x43, 0x4d], 128);
    expect(sniffType(dicom)).to.equal('application/dicom');
    expect(sniffType(new TextEncoder().encode('hello'))).to.equal(null);
  });

  it('percentiles as PostgreSQL’s percentile_cont; a sample without repeats', () => {
    expect(percentile([150, 20, 100, 60], 0.5)).to.equal(80);
    expect(percentile([150, 20, 100, 60], 0.9)).to.equal(135);
    expect(percentile([], 0.5)).to.equal(null);
    const drawn = drawSample([1, 2, 3, 4, 5, 6], 4, seeded(7));
    expect(drawn).to.have.lengthOf(4);
    expect(new Set(drawn).size).to.equal(4);
    expect(drawSample([1, 2], 5, seeded(1))).to.have.members([1, 2]);
  });

  describe('chest pain (胸痛绿色通道)', () => {
    it('the nearest PCI hospital is the nearest ancestor doing PCI: the branch with a cath lab, else the HQ', () => {
      const hq = { id: 1, path: 'HQ', level: 1 };
      const b1 = { id: 2, path: 'HQ.B1', level: 2 };
      expect(nearestPci('HQ.B1.T01.V001', [hq, b1])).to.equal(b1);
      expect(nearestPci('HQ.B1.T01', [b1, hq])).to.equal(b1);
      expect(nearestPci('HQ.B2.T05.V030', [hq, b1])).to.equal(hq);
      // a label that only begins like the branch's is another unit
      expect(nearestPci('HQ.B10.T20', [hq, b1])).to.equal(hq);
      expect(nearestPci('HQ.B2.T05', [b1])).to.equal(null);
      expect(nearestPci('HQ.B2.T05', [])).to.equal(null);
    });
    it('only the HQ or a branch does PCI', () => {
      expect(pciUnitProblem({ level: 1 })).to.equal(null);
      expect(pciUnitProblem({ level: 2 })).to.equal(null);
      expect(pciUnitProblem({ level: 3 })).to.contain('cath lab');
      expect(pciUnitProblem(undefined)).to.equal('no such unit');
    });
    const fmc = new Date('2026-12-01T02:00:00Z');
    const at = (m: number) => new Date(fmc.getTime() + m * 60_000);
    const open = { fmc_at: fmc, arrival_at: null, door_at: null, balloon_at: null, fibrinolysis_at: null, transfer_out_at: null, closed_at: null };

    it('a reported ECG of a village or township concluding STEMI starts it; NSTEMI does not', () => {
      expect([
        isStemi('急性下壁ST段抬高型心肌梗死'),
        isStemi('acute anterior STEMI'),
        isStemi('NSTEMI'),
        isStemi('非ST段抬高型心肌梗死'),
        isStemi(null),
      ]).to.deep.equal([true, true, false, false, false]);
      const r = { kind: 'ecg' as const, status: 'acknowledged' as const, from_level: 4, conclusion: '急性前壁ST段抬高型心肌梗死（STEMI）' };
      expect(chestPainProblem(r)).to.equal(null);
      expect(chestPainProblem({ ...r, from_level: 3, status: 'reported' })).to.equal(null);
      expect(chestPainProblem({ ...r, from_level: 2 })).to.match(/village or township/);
      expect(chestPainProblem({ ...r, status: 'assigned' })).to.match(/not yet reported/);
      expect(chestPainProblem({ ...r, kind: 'laboratory' })).to.match(/only an ECG/);
      expect(chestPainProblem({ ...r, conclusion: '窦性心律，ST-T改变' })).to.match(/STEMI/);
    });

    it('times in order: the door and balloon after the arrival, none before the last, none in the future; a closing step closes', () => {
      const now = at(200);
      expect(openSteps(open)).to.deep.equal(['arrival', 'fibrinolysis', 'transfer_out']);
      expect(chestPainStepProblem(open, 'balloon', at(60), now)).to.match(/arrival before the balloon/);
      expect(chestPainStepProblem(open, 'arrival', at(-1), now)).to.match(/before a time already recorded/);
      expect(chestPainStepProblem(open, 'arrival', at(202), now)).to.match(/future/);
      expect(chestPainStepProblem(open, 'arrival', at(40), now)).to.equal(null);
      const arrived = { ...open, arrival_at: at(40) };
      expect(openSteps(arrived)).to.deep.equal(['door', 'balloon', 'fibrinolysis', 'transfer_out']);
      expect(chestPainStepProblem(arrived, 'arrival', at(41), now)).to.match(/already recorded/);
      expect(chestPainStepProblem(arrived, 'door', at(39), now)).to.match(/before a time already recorded/);
      expect(chestPainStepProblem({ ...arrived, door_at: at(70) }, 'balloon', at(65), now)).to.match(/before/);
      const closed = { ...arrived, balloon_at: at(75), closed_at: at(76) };
      expect(chestPainStepProblem(closed, 'door', at(80), now)).to.equal('the case is closed');
      expect(openSteps(closed)).to.deep.equal([]);
    });

    it('the clock: running to now (red past 90), stopped at the balloon; fibrinolysis against 30; no target for a transfer out', () => {
      expect(chestPainClock(open, at(45))).to.deep.equal({ minutes: 45, target: 90, running: true, late: false });
      expect(chestPainClock(open, at(91))).to.include({ late: true, running: true });
      expect(chestPainClock({ ...open, arrival_at: at(40), balloon_at: at(95.5), closed_at: at(96) }, at(500))).to.deep.equal({
        minutes: 95.5,
        target: 90,
        running: false,
        late: true,
      });
      expect(chestPainClock({ ...open, fibrinolysis_at: at(28), closed_at: at(28) }, at(500))).to.include({ minutes: 28, target: 30, late: false });
      expect(chestPainClock({ ...open, transfer_out_at: at(130), closed_at: at(130) }, at(500))).to.include({ minutes: 130, target: null, late: false });
    });

    it('figures per township equal a hand count', () => {
      const c = (township: number, name: string, times: Partial<ChestPainCaseFacts>): ChestPainCaseFacts => ({
        ...open,
        township_org_unit_id: township,
        township_name: name,
        ...times,
      });
      const pci = (t: number, n: string, m: number) => c(t, n, { arrival_at: at(m - 20), balloon_at: at(m), closed_at: at(m) });
      const rows = chestPainFigures([
        pci(2, '乙镇', 60),
        pci(2, '乙镇', 100),
        pci(2, '乙镇', 80),
        c(2, '乙镇', { fibrinolysis_at: at(25), closed_at: at(25) }),
        c(2, '乙镇', { arrival_at: at(30) }),
        pci(1, '甲镇', 120),
        c(1, '甲镇', { transfer_out_at: at(50), closed_at: at(50) }),
      ]);
      // 乙镇: PCI at 60, 80, 100 → median 80, two of three within 90; 甲镇: one PCI at 120 → none within
      expect(rows).to.deep.equal([
        {
          township_org_unit_id: 1,
          township_name: '甲镇',
          cases: 2,
          open: 0,
          pci: 1,
          fibrinolysis: 0,
          transfer_out: 1,
          median_fmc_to_balloon: 120,
          within_90: 0,
          within_90_share: 0,
        },
        {
          township_org_unit_id: 2,
          township_name: '乙镇',
          cases: 5,
          open: 1,
          pci: 3,
          fibrinolysis: 1,
          transfer_out: 0,
          median_fmc_to_balloon: 80,
          within_90: 2,
          within_90_share: 0.6667,
        },
      ]);
    });
  });

  describe('duty rosters', () => {
    it('a day with a roster takes only the readers on it; a day without one checks nothing', () => {
      expect(dutyProblem([7, 9], 7, '2027-01-04')).to.equal(null);
      expect(dutyProblem([7, 9], 8, '2027-01-04')).to.equal("not on the centre's duty roster on 2027-01-04");
      expect(dutyProblem([], 8, '2027-01-04')).to.equal(null);
    });
    it('a roster covers 1 to 31 days and holds only days inside them', () => {
      expect(rosterProblem('2027-01-04', '2027-01-10', ['2027-01-04', '2027-01-10'])).to.equal(null);
      expect(rosterProblem('2027-01-04', '2027-01-04', [])).to.equal(null);
      expect(rosterProblem('2027-01-04', '2027-01-03', [])).to.deep.equal({ field: 'to', message: 'must not be before from' });
      expect(rosterProblem('2027-01-01', '2027-01-31', [])).to.equal(null);
      expect(rosterProblem('2027-01-01', '2027-02-01', [])?.field).to.equal('to');
      expect(rosterProblem('2027-01-04', '2027-01-10', ['2027-01-11'])).to.deep.equal({
        field: 'duties',
        message: '2027-01-11 is outside 2027-01-04–2027-01-10',
      });
    });
  });
});
