// The satisfactionScores resource: its screens in SatisfactionList.tsx, loaded when first shown.
import SentimentSatisfiedIcon from '@mui/icons-material/SentimentSatisfied';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const satisfactionList = lazyScreens(() => import('./SatisfactionList'));

export const satisfactionScores: ResourceEntry = { name: 'satisfaction-scores', list: satisfactionList.SatisfactionList, icon: SentimentSatisfiedIcon };
