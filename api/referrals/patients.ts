// Who is referred: a resident of the group's health records when one matches, else an
// external patient with a protected ID number. Residents are the health domain's: referrals
// asks its service (look-ups by id and by ID-number hash), never its tables.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { badRequest, unprocessable } from '../core/errors';
import { residentByIdNumberHash, residentsForReferral, type ResidentFacts } from '../health';
import { hashIdNumber, idNumberFacts, idNumberProblem, normaliseIdNumber, protectIdNumber } from '../core/personalId';

export interface PatientInput {
  resident_id?: number | null;
  patient_name?: string | null;
  patient_id_number?: string | null;
}

/** The patient columns of a referral: a matched resident, or an external patient. */
export async function resolvePatient(trx: Knex.Transaction, actor: Actor, input: PatientInput) {
  if (input.resident_id != null) {
    // a resident picked by id must be one the caller's units register or manage
    const [r] = await residentsForReferral([input.resident_id], { scopePath: actor.scopePath, conn: trx });
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
  const match = await residentByIdNumberHash(hashIdNumber(id), trx);
  if (match) return residentPatient(match);
  if (!input.patient_name?.trim())
    throw badRequest('invalid patient_name', [{ field: 'patient_name', message: 'required for a patient who is not a resident' }]);
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
