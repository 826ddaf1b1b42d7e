// The pharmacy records as the API answers them (imported as types only).
import type { AnswerOf, Json } from '../../../api/core/json';
import type { PrescriberAction, Prescription, prescriptionFigures, prescriptionPage, readAction } from '../../../api/pharmacy';

export type PrescriptionRecord = Json<Prescription>;
/** GET /api/prescriptions/:id: with its drugs, the actions taken on it and the review steps allowed */
export type PrescriptionPage = AnswerOf<typeof prescriptionPage>;
export type ActionRecord = Json<PrescriberAction>;
/** GET /api/prescriber-actions/:id: with the steps allowed */
export type ActionPage = AnswerOf<typeof readAction>;
export type UnitFigures = AnswerOf<typeof prescriptionFigures>[number];
