// Who is referred: a resident of the group's health records when one matches, else an
// external patient with a protected ID number. The residents table belongs to the health
// domain; until its service offers look-ups by id and by ID-number hash, this is the one
// minimal read of it (id, unit, name, sex, birth date, masked ID) that referrals need.
import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';
import { badRequest, unprocessable } from '../http/errors';
import { hashIdNumber, idNumberFacts, idNumberProblem, normaliseIdNumber, protectIdNumber } from '../shared/personalId';

interface ResidentFacts {
  id: number;
  org_unit_id: number;
  name: string;
  sex: string;
  birth_date: string;
  id_number_hash: string;
  id_number_masked: string;
}

const residentColumns = ['residents.id', 'residents.org_unit_id', 'residents.name', 'residents.sex', 'residents.birth_date', 'residents.id_number_hash', 'residents.id_number_masked'];

export interface PatientInput {
  resident_id?: number | null;
  patient_name?: string | null;
  patient_id_number?: string | null;
}

/** The patient columns of a referral: a matched resident, or an external patient. */
export async function resolvePatient(trx: Knex.Transaction, actor: Actor, input: PatientInput) {
  if (input.resident_id != null) {
    // a resident picked by id must be one the caller manages
    const r: ResidentFacts | undefined = await trx('residents')
      .select(residentColumns)
      .join('org_units', 'org_units.id', 'residents.org_unit_id')
      .where('residents.id', input.resident_id)
      .whereRaw('org_units.path <@ ?::ltree', [actor.scopePath])
      .first();
    if (!r) throw unprocessable(`resident ${input.resident_id} is not in your scope`, [{ field: 'resident_id', message: 'no such resident in your scope' }]);
    return residentPatient(r);
  }
  const raw = input.patient_id_number;
  if (!raw) {
    throw badRequest('name the patient', [{ field: 'resident_id', message: 'give resident_id, or patient_name and patient_id_number' }]);
  }
  const id = normaliseIdNumber(raw);
  const problem = idNumberProblem(id);
  if (problem) throw badRequest('invalid patient_id_number', [{ field: 'patient_id_number', message: problem }]);
  // an ID number that belongs to a resident makes the patient that resident, whoever refers them
  const match: ResidentFacts | undefined = await trx('residents').select(residentColumns).where('id_number_hash', hashIdNumber(id)).first();
  if (match) return residentPatient(match);
  if (!input.patient_name?.trim()) throw badRequest('invalid patient_name', [{ field: 'patient_name', message: 'required for a patient who is not a resident' }]);
  const facts = idNumberFacts(id);
  const p = protectIdNumber(id);
  return {
    resident_id: null,
    patient_name: input.patient_name.trim(),
    patient_sex: facts.sex,
    patient_birth_date: facts.birthDate,
    patient_id_number_hash: p.id_number_hash,
    patient_id_number_masked: p.id_number_masked,
    patient_id_number_cipher: p.id_number_cipher,
  };
}

function residentPatient(r: ResidentFacts) {
  return {
    resident_id: r.id,
    patient_name: r.name,
    patient_sex: r.sex,
    patient_birth_date: r.birth_date, // DATE comes back as text (api/db/knex.ts)
    patient_id_number_hash: r.id_number_hash,
    patient_id_number_masked: r.id_number_masked,
    patient_id_number_cipher: null,
  };
}

/** The unit managing a resident now: the last unit a referral moved them to, else their village. */
export async function managingUnit(trx: Knex.Transaction, residentId: number): Promise<number> {
  const last = await trx('patient_unit_history').select('to_org_unit_id').where('resident_id', residentId).orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).first();
  if (last) return last.to_org_unit_id;
  const r = await trx('residents').select('org_unit_id').where('id', residentId).first();
  return r.org_unit_id;
}
