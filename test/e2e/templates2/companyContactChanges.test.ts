/**
 * Template "HubSpot company and contact changes to AWS" on real n8n against the simulators, driven by HubSpot's own
 * webhooks (a rep edits the company or contact in the HubSpot UI): the change is merged into the opportunity of every
 * associated linked deal that AWS lets us edit now; the deal whose opportunity is under AWS review gets the change
 * queued (AWS refuses updates then: nothing sent, nothing lost); unlinked deals are skipped; data AWS would refuse
 * becomes a note on the deal and nothing is sent.
 */
import { webhookUrl, waitFor } from '../harness';
import { dumpExecutions, importTemplate, startTemplatesEnv, type TemplatesEnv } from './env';
import { advance, awsReview, createOpportunity, dealProps, mark, opportunity, partnerCentralEdit, pcWrites, reviewStatus, startSimWorld, submitToAws, type SimWorld } from './simWorld';
import { noteTexts, routeHubSpotWebhooks, seedRecordWithDeals, settledExecutions } from './simWorldB';

jest.setTimeout(10 * 60 * 1000);

type Json = Record<string, unknown>;

/** The properties the template's trigger watches (its "Property Names"), one HubSpot subscription each. */
const WATCHED = ['name', 'domain', 'website', 'industry', 'address', 'city', 'state', 'zip', 'country', 'email', 'firstname', 'lastname', 'phone', 'jobtitle'];

describe('template: company and contact changes (simulators, HubSpot webhooks)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let templateId: string;

	const account = (id: string) => (opportunity(w, id).data.Customer as { Account: Json }).Account;
	const address = (id: string) => account(id).Address as Json;
	/** A deal linked to the opportunity, named and dated like it (so only what the scenario changes differs). */
	const linked = (oppId: string): Record<string, string> => ({
		dealname: `#AWS ${String((opportunity(w, oppId).data.Project as Json).Title)}`,
		aws_opportunity_id: oppId,
		aws_opportunity_arn: opportunity(w, oppId).Arn,
		aws_catalog: 'Sandbox',
		closedate: `${String((opportunity(w, oppId).data.LifeCycle as Json).TargetCloseDate)}T00:00:00.000Z`,
	});
	const acme = { name: 'Acme Analytics', domain: 'acme.example.com', website: 'https://acme.example.com', country: 'United States', state: 'Washington', city: 'Seattle', zip: '98101' };
	/**
	 * A company whose deals are linked to these opportunities as the live sync leaves them (the opportunity's partner
	 * ID is HUBSPOT-<deal id>), then each opportunity submitted to AWS (Submitted).
	 */
	const seedLinkedThenSubmitted = async (company: Record<string, string>, oppIds: string[], dealExtra: Record<string, string> = {}) => {
		const seeded = seedRecordWithDeals(w, 'companies', company, oppIds.map((id) => ({ ...linked(id), ...dealExtra })));
		for (const [i, id] of oppIds.entries()) {
			partnerCentralEdit(w, id, { PartnerOpportunityIdentifier: `HUBSPOT-${seeded.dealIds[i]}` });
			await submitToAws(w, id);
		}
		return seeded;
	};
	const until = async (what: string, ok: () => boolean) => {
		await waitFor(async () => ok(), { timeoutMs: 90_000, intervalMs: 250, what }).catch(async (e: unknown) => {
			await dumpExecutions(t);
			throw e;
		});
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const template = await importTemplate(t, 'company-contact-changes.json', { publish: true });
		templateId = template.id;
		const url = webhookUrl(t.env.baseUrl, template.json, 'HubSpot Company/Contact Webhook', t.types);
		await routeHubSpotWebhooks(w, url, ['company.propertyChange', 'contact.propertyChange'], WATCHED);
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('a new company address reaches every editable opportunity, merge-safe; the one under AWS review is queued, not lost', async () => {
		const editable = await createOpportunity(w);
		const reviewing = await createOpportunity(w);
		await submitToAws(w, reviewing);
		expect(reviewStatus(w, reviewing)).toBe('Submitted');
		const company = seedRecordWithDeals(
			w,
			'companies',
			{ name: 'Acme Analytics', domain: 'acme.example.com', website: 'https://acme.example.com', country: 'United States', state: 'Washington', city: 'Seattle', zip: '98101' },
			[
				linked(editable),
				linked(reviewing),
				{ dealname: 'Not co-sold' },
			],
		);
		const [editableDeal, reviewingDeal, unlinkedDeal] = company.dealIds;
		const useCase = (opportunity(w, editable).data.Project as Json).CustomerUseCase;
		const title = (opportunity(w, editable).data.Project as Json).Title;
		const before = mark(w);
		const runs = (await t.env.api.executions(templateId, false)).length;

		// The rep types the customer's new address into the company record.
		w.hubspot.ui.update('companies', company.id, { city: 'Portland', state: 'Oregon', zip: '97201', address: '1 River Way' });

		await until('the editable opportunity has the new address', () => address(editable).City === 'Portland');
		await settledExecutions(t, templateId, runs + 1);
		expect(address(editable)).toMatchObject({ City: 'Portland', PostalCode: '97201', StateOrRegion: 'Oregon', StreetAddress: '1 River Way', CountryCode: 'US' });
		// Merge-safe: what HubSpot does not own stays on the opportunity.
		expect((opportunity(w, editable).data.Project as Json).CustomerUseCase).toBe(useCase);
		expect((opportunity(w, editable).data.Project as Json).Title).toBe(title);
		expect(account(editable).CompanyName).toBe('Acme Analytics');
		// Under review: AWS would refuse the update, so nothing is sent and the change waits on the deal.
		expect(address(reviewing)).toMatchObject({ City: 'Seattle', PostalCode: '98101' });
		await until('the reviewing deal is queued', () => dealProps(w, reviewingDeal).aws_update_queued === 'true');
		expect(dealProps(w, reviewingDeal).aws_sync_status).toBe('queued');
		expect(noteTexts(w, reviewingDeal)).toEqual([expect.stringContaining('AWS is reviewing this opportunity')]);
		expect(noteTexts(w, reviewingDeal)[0]).toMatch(/Address/);
		expect(dealProps(w, editableDeal).aws_update_queued).not.toBe('true');
		expect(dealProps(w, unlinkedDeal).aws_sync_status ?? '').toBe('');
		// One update, to the editable opportunity only.
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
	});

	it('approved: the city goes, the postal code AWS froze does not; a note names it, nothing queued. In review: queued as before', async () => {
		const approved = await createOpportunity(w);
		const inReview = await createOpportunity(w);
		const company = await seedLinkedThenSubmitted(acme, [approved, inReview]);
		await awsReview(w, approved, 'Approved');
		await advance(w, w.pc.sim.config.reviewStartDelayMs);
		expect([reviewStatus(w, approved), reviewStatus(w, inReview)]).toEqual(['Approved', 'In review']);
		const [approvedDeal, inReviewDeal] = company.dealIds;
		const before = mark(w);
		const runs = (await t.env.api.executions(templateId, false)).length;

		w.hubspot.ui.update('companies', company.id, { city: 'Tacoma', zip: '98402' });

		await until('the approved opportunity has the new city', () => address(approved).City === 'Tacoma');
		await until('a note on the approved deal', () => noteTexts(w, approvedDeal).length > 0);
		await until('the in-review deal is queued', () => dealProps(w, inReviewDeal).aws_update_queued === 'true');
		await settledExecutions(t, templateId, runs + 1);
		// Approved: the postal code is frozen for good (C4.4), so the editable city is not held back for it.
		expect(address(approved)).toMatchObject({ City: 'Tacoma', PostalCode: '98101', CountryCode: 'US' });
		const [note, ...more] = noteTexts(w, approvedDeal);
		expect(more).toEqual([]);
		expect(note).toMatch(/does not allow these fields to change any more/);
		expect(note).toMatch(/postal code \(Customer\.Account\.Address\.PostalCode\)/);
		expect(note).not.toMatch(/City|reviewing this opportunity/);
		expect(note).toMatch(/other changes were sent/);
		expect(dealProps(w, approvedDeal)).toMatchObject({ aws_sync_status: 'synced', aws_review_status: 'Approved' });
		expect(dealProps(w, approvedDeal).aws_update_queued).not.toBe('true');
		// In review: every change waits (AWS refuses all updates now, only until the review ends).
		expect(address(inReview)).toMatchObject({ City: 'Seattle', PostalCode: '98101' });
		expect(dealProps(w, inReviewDeal).aws_sync_status).toBe('queued');
		expect(noteTexts(w, inReviewDeal)).toEqual([expect.stringContaining('AWS is reviewing this opportunity')]);
		expect(noteTexts(w, inReviewDeal)[0]).toMatch(/City.*PostalCode/);
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
	});

	it('approved and only a frozen field changed: nothing sent, the note says so, a queued flag left from the review is cleared', async () => {
		// As the live sync creates it (its Marketing.Source default included), so the zip is the only difference.
		const approved = await createOpportunity(w, { Marketing: { Source: 'None' } });
		const company = await seedLinkedThenSubmitted(acme, [approved], { aws_update_queued: 'true', aws_sync_status: 'queued' });
		await awsReview(w, approved, 'Approved');
		const [deal] = company.dealIds;
		const before = mark(w);
		const runs = (await t.env.api.executions(templateId, false)).length;

		w.hubspot.ui.update('companies', company.id, { zip: '98402' });

		await until('a note on the deal', () => noteTexts(w, deal).length > 0);
		await settledExecutions(t, templateId, runs + 1);
		expect(noteTexts(w, deal)).toEqual([expect.stringMatching(/any more.*postal code.*Nothing else had changed/s)]);
		expect(dealProps(w, deal)).toMatchObject({ aws_sync_status: 'synced', aws_update_queued: 'false' });
		expect(pcWrites(w, before)).toEqual([]);
		expect(address(approved).PostalCode).toBe('98101');
	});

	it("a contact's new job title and phone reach the opportunities of the contact's deals", async () => {
		const oppId = await createOpportunity(w);
		const contact = seedRecordWithDeals(w, 'contacts', { email: 'dana.lee@acme.example.com', firstname: 'Dana', lastname: 'Lee', jobtitle: 'Head of Data' }, [linked(oppId)]);
		const before = mark(w);
		const runs = (await t.env.api.executions(templateId, false)).length;

		w.hubspot.ui.update('contacts', contact.id, { jobtitle: 'CTO', phone: '+15035550100' });

		const dana = () => ((opportunity(w, oppId).data.Customer as { Contacts?: Json[] }).Contacts ?? []).find((c) => c.Email === 'dana.lee@acme.example.com');
		await until('the contact is on the opportunity with the new title', () => dana()?.BusinessTitle === 'CTO');
		await settledExecutions(t, templateId, runs + 1);
		expect(dana()).toMatchObject({ FirstName: 'Dana', LastName: 'Lee', BusinessTitle: 'CTO', Phone: '+15035550100' });
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		expect(dealProps(w, contact.dealIds[0]).aws_update_queued).not.toBe('true');
	});

	it('a company change AWS would refuse (a country Partner Central does not know): a note on the deal, nothing sent', async () => {
		const oppId = await createOpportunity(w);
		const company = seedRecordWithDeals(w, 'companies', { name: 'Acme Analytics', domain: 'acme.example.com', country: 'United States', state: 'Washington', city: 'Seattle', zip: '98101' }, [linked(oppId)]);
		const before = mark(w);
		const runs = (await t.env.api.executions(templateId, false)).length;

		w.hubspot.ui.update('companies', company.id, { country: 'Atlantis' });

		await until('a note on the deal', () => noteTexts(w, company.dealIds[0]).length > 0);
		await settledExecutions(t, templateId, runs + 1);
		expect(noteTexts(w, company.dealIds[0]).join('\n')).toMatch(/countr/i);
		expect(dealProps(w, company.dealIds[0]).aws_sync_status).toBe('error');
		expect(pcWrites(w, before)).toEqual([]);
		expect(address(oppId)).toMatchObject({ CountryCode: 'US', City: 'Seattle' });
	});
});
