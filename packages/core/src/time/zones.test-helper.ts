/**
 * Zones at the edges of a time rule, for tests: UTC; fixed offsets of a half and three quarters of an hour
 * (Kolkata, Kathmandu); DST in the north (New York, London) and the south (Santiago); a half-hour DST shift
 * (Lord Howe); +12:45 with DST (Chatham); a zone that dropped DST in 2019 (São Paulo).
 */
export const EDGE_ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'America/Santiago',
];
