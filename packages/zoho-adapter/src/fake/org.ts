/**
 * The fake's Organization API (`GET /crm/{version}/org`, scope `ZohoCRM.org.READ`): the org's details as
 * Zoho answers them, among them `zgid`, the org id of the CRM's record addresses
 * (`https://crm.zoho.<tld>/crm/org<zgid>/tab/Leads/<id>`), and `domain_name`, that segment itself.
 */
import type { ApiAnswer } from './http.js';

/** The org id (`zgid`) the fake serves when none is given. */
export const FAKE_ORG_ID = '20079833178';

/** The answer to Get Organization for the org `zgid`. */
export function orgAnswer(zgid: string, timeZone = 'Asia/Kolkata'): ApiAnswer {
  return {
    status: 200,
    body: {
      org: [
        {
          id: '4150868000000000017',
          company_name: 'Fake Vending Co',
          domain_name: `org${zgid}`,
          zgid,
          primary_zuid: '71562802',
          time_zone: timeZone,
          currency: 'US Dollar',
          iso_code: 'USD',
          country_code: 'US',
          mc_status: false,
          license_details: { paid: true, paid_type: 'enterprise', trial_type: null, users_license_purchased: 10 },
        },
      ],
    },
  };
}
