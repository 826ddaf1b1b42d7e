// The monitoring answers as the screens read them (the API's own types, api/core/json.ts).
import type { AnswerOf, Json } from '../../../api/core/json';
import type { indicatorRecords, monitoringIndicators, VisitCount } from '../../../api/monitoring';
import type { OrgUnit } from '../../../api/org';

export type IndicatorAnswer = AnswerOf<typeof monitoringIndicators>;
export type IndicatorRow = IndicatorAnswer['indicators'][number];
export type RecordsAnswer = AnswerOf<typeof indicatorRecords>;
export type UnitOption = Pick<Json<OrgUnit>, 'id' | 'name' | 'level' | 'code'>;
export type VisitRecord = Json<VisitCount>;
