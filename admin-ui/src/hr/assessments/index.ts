// The assessments resource: its screens in AssessmentViews.tsx, loaded when first shown.
import GradingIcon from '@mui/icons-material/Grading';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const assessmentViews = lazyScreens(() => import('./AssessmentViews'));

export const assessments: ResourceEntry = {
  name: 'assessments',
  list: assessmentViews.AssessmentList,
  create: assessmentViews.AssessmentCreate,
  edit: assessmentViews.AssessmentEdit,
  icon: GradingIcon,
};
