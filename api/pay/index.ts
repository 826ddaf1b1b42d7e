// The performance-pay domain's public face (绩效工资, issue 19): what api/domains.ts wires, the
// rules the demo loader pays a month with, and the records the admin UI reads (`import type`).
export { payGrants, DEFAULT_SCHEME } from './rules';
export { payRouters } from './routes';
export { PAY_ENUMS } from './enums';
export { approveRun, calculateRun, calculateRuns, createRun, reviewRun } from './service';
export type { PayLine, PayLineItem, PayRun, PayRunDepartment, PayRunDifference } from './model';
export type { PayStatement } from './statement';
export type { PersonFund } from './personFund';
export type { SchemeView } from './scheme';
export { traceRun, type PayTrace } from './trace';
export { TRACE_CHECK, TRACE_LABEL, TRACE_NO_SETTLEMENT } from './traceLabels';
export { payRunReport, type PayRunReport } from './report';
export { PAY_GRADE, PAY_POST, PAY_RUN_STATUS, PAY_SERVICE, PAY_TITLE_LEVEL } from './enums';
export { payIncomeChange, type PayIncomeChange } from './income';
export type { IncomeChange, IncomeFigures } from './incomeRules';
export { INCOME_LEVEL, INCOME_ROLE } from './enums';
export { DEPARTMENT_INDICATORS } from './departmentRules';
export type { LineDepartmentTrace } from './departmentRun';
