// The cron jobs of every domain: importing a domain's jobs file defines its jobs
// (see defineJob in ./service). A new domain with a schedule adds its import here.
export {};
