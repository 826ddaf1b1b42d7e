import { expect } from 'chai';
import { defaultNorms, drawSample, escalationLevel, nextStatus, percentile, readerProblem, sniffType, type ReaderFacts } from './rules';
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
      problem: 'cannot acknowledge a acknowledged request; allowed from acknowledged: none (final)',
    });
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
});
