// The cron jobs of every domain: importing a domain's jobs file defines its jobs
// (see defineJob in ./service). A new domain with a schedule adds its import here.
import './housekeeping';
import '../hr/jobs';
import '../referrals/jobs';
import '../health/jobs';
import '../settlement/jobs';
import '../finance/jobs';
