/** Users and display names of the fake org, shared by the generators and the wire shapes. */
import type { FakeLead, FakeUser } from './model.js';

/** A user with a Zoho-like id and an email derived from the name; `index` orders the ids. */
export function makeUser(name: string, team: string | null, index: number): FakeUser {
  const email = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.com`;
  return { id: String(5725767000000411001n + BigInt(index) * 1000n), name, email, team };
}

/** The lead's name as Zoho's Full_Name shows it (an empty first name leaves no leading space). */
export function fullName(lead: FakeLead): string {
  return [lead.firstName, lead.lastName].filter((p) => p !== '').join(' ');
}
