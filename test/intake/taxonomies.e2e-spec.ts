import { adminToken, createTestApp, createTestMember, createTestNetwork, loginAs, type TestApp, type TestNetwork } from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { TAXONOMY_KINDS } from '../../apps/intake/src/surveys/domain/question';
import { TaxonomyTerms } from '../../apps/intake/src/taxonomies/application/taxonomy-terms';
import { DEFAULT_TERMS } from '../../apps/intake/src/taxonomies/domain/default-terms';

interface Term {
  id: string;
  label: string;
  retired: boolean;
  default: boolean;
}

/** Per-network taxonomies over HTTP (issue "Intake", item 2): defaults, organizers' terms, validation, tenancy, seeding once. */
describe('intake: taxonomies', () => {
  let identity: TestApp;
  let intake: TestApp;
  let admin: string;

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
    intake = await createTestApp(intakeApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await intake?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenOf = async (network: TestNetwork, roles: string[] = []) => {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return (await loginAs(identity.http, member)).accessToken;
  };
  const integratorTokenOf = async (network: TestNetwork, organizer: string) => {
    const account = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(organizer)).send({ name: 'University CRM' }).expect(201);
    const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const grant = { grant_type: 'client_credentials', client_id: account.body.clientId, client_secret: account.body.clientSecret };
    return (await identity.http.post('/v1/auth/token').set('x-forwarded-for', address).send(grant).expect(200)).body.access_token as string;
  };
  const termsOf = async (token: string, kind: string, query = ''): Promise<Term[]> =>
    (await intake.http.get(`/v1/taxonomies/${kind}${query}`).set(bearer(token)).expect(200)).body.items;
  const rowsOf = async (networkId: string) =>
    (await intake.dataSource.query('SELECT count(*)::int AS count FROM taxonomy_terms WHERE network_id = $1', [networkId]))[0].count as number;
  const activeTermIds = (networkId: string) => intake.dataSource.transaction((manager) => intake.app.get(TaxonomyTerms).activeTermIds(manager, networkId));
  const defaultCount = TAXONOMY_KINDS.reduce((sum, kind) => sum + DEFAULT_TERMS[kind].length, 0);
  const byLabel = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

  it('gives a new network the default terms, by label, to every member and integrator', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const member = await tokenOf(network);
    const integrator = await integratorTokenOf(network, organizer);

    await intake.http.get('/v1/taxonomies').expect(401);
    const summary = await intake.http.get('/v1/taxonomies').set(bearer(member)).expect(200);
    expect(summary.body).toEqual({
      items: [
        { kind: 'skills', activeCount: DEFAULT_TERMS.skills.length, retiredCount: 0 },
        { kind: 'industries', activeCount: DEFAULT_TERMS.industries.length, retiredCount: 0 },
        { kind: 'interests', activeCount: DEFAULT_TERMS.interests.length, retiredCount: 0 },
        { kind: 'languages', activeCount: 40, retiredCount: 0 },
      ],
    });
    expect(summary.body.items[0].activeCount).toBeGreaterThanOrEqual(40);

    const skills = await intake.http.get('/v1/taxonomies/skills').set(bearer(member)).expect(200);
    expect(skills.body.kind).toBe('skills');
    expect(skills.body.items).toEqual(
      expect.arrayContaining([
        { id: 'data-analysis', label: 'Data analysis', retired: false, default: true },
        { id: 'public-speaking', label: 'Public speaking', retired: false, default: true },
        { id: 'financial-modelling', label: 'Financial modelling', retired: false, default: true },
        { id: 'ux-design', label: 'UX design', retired: false, default: true },
        { id: 'python', label: 'Python', retired: false, default: true },
      ]),
    );
    const labels = skills.body.items.map((t: Term) => t.label);
    expect(labels).toEqual([...labels].sort(byLabel.compare));
    expect(labels.slice(0, 3)).toEqual(['Accounting', 'Agile methods', 'Brand management']);

    const languages = await termsOf(integrator, 'languages');
    expect(languages).toHaveLength(40);
    expect(languages).toEqual(
      expect.arrayContaining([
        { id: 'en', label: 'English', retired: false, default: true },
        { id: 'fr', label: 'French', retired: false, default: true },
        { id: 'de', label: 'German', retired: false, default: true },
        { id: 'zh', label: 'Chinese', retired: false, default: true },
      ]),
    );
    expect(languages.map((t) => t.id)).not.toContain('eu');
    expect((await termsOf(integrator, 'industries')).map((t) => t.id)).toEqual(expect.arrayContaining(['banking', 'consulting', 'public-sector', 'software-internet']));
    expect((await termsOf(organizer, 'interests')).map((t) => t.id)).toEqual(expect.arrayContaining(['entrepreneurship', 'working-abroad', 'social-impact']));

    const ids = await activeTermIds(network.id);
    expect(ids.skills.has('negotiation')).toBe(true);
    expect(ids.languages.has('fr')).toBe(true);
    expect(ids.languages.size).toBe(40);
    expect(await rowsOf(network.id)).toBe(defaultCount);

    // Integrators and members read, they do not write.
    await intake.http.post('/v1/taxonomies/skills').set(bearer(integrator)).send({ label: 'Bookkeeping' }).expect(403);

    const docs = await intake.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/taxonomies', '/v1/taxonomies/{kind}', '/v1/taxonomies/{kind}/{termId}']));
    expect(docs.body.paths['/v1/taxonomies/{kind}'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'kind', in: 'path', schema: expect.objectContaining({ enum: [...TAXONOMY_KINDS] }) }),
    );
  });

  it('lets an organizer add terms (id derived from the label), refuses duplicates with 409 naming the term, and a member only reads', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const member = await tokenOf(network);

    const added = await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ label: '  Prompt   engineering ' }).expect(201);
    expect(added.body).toEqual({ id: 'prompt-engineering', label: 'Prompt engineering', retired: false, default: false });
    const accented = await intake.http.post('/v1/taxonomies/industries').set(bearer(organizer)).send({ label: 'Économie sociale et solidaire' }).expect(201);
    expect(accented.body.id).toBe('economie-sociale-et-solidaire');
    const chosen = await intake.http.post('/v1/taxonomies/interests').set(bearer(organizer)).send({ id: 'e_sports', label: 'E-sports' }).expect(201);
    expect(chosen.body).toEqual({ id: 'e_sports', label: 'E-sports', retired: false, default: false });

    const sameId = await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ id: 'prompt-engineering', label: 'Prompting' }).expect(409);
    expect(sameId.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The skills taxonomy already has a term "prompt-engineering" (Prompt engineering).',
      details: [{ path: 'id', issue: 'is already the id of "Prompt engineering"' }],
    });
    // The derived id of a default's label is the default's id.
    const derivedTaken = await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ label: 'Public Speaking' }).expect(409);
    expect(derivedTaken.body.details).toEqual([{ path: 'id', issue: 'is already the id of "Public speaking"' }]);
    const sameLabel = await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ id: 'py', label: 'PYTHON' }).expect(409);
    expect(sameLabel.body.details).toEqual([{ path: 'label', issue: 'is already the label of "python"' }]);

    const skills = await termsOf(member, 'skills');
    expect(skills).toContainEqual({ id: 'prompt-engineering', label: 'Prompt engineering', retired: false, default: false });
    expect(skills.map((t) => t.label)).toEqual(skills.map((t) => t.label).sort(byLabel.compare));
    expect((await intake.http.get('/v1/taxonomies').set(bearer(member)).expect(200)).body.items[0]).toEqual({
      kind: 'skills',
      activeCount: DEFAULT_TERMS.skills.length + 1,
      retiredCount: 0,
    });

    // A member without the organizer role (a mentee, say) reads but cannot change anything.
    const refused = await intake.http.post('/v1/taxonomies/skills').set(bearer(member)).send({ label: 'Lobbying' }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await intake.http.patch('/v1/taxonomies/skills/python').set(bearer(member)).send({ retired: true }).expect(403);
    expect((await termsOf(member, 'skills')).find((t) => t.id === 'python')).toEqual({ id: 'python', label: 'Python', retired: false, default: true });
    expect(await rowsOf(network.id)).toBe(defaultCount + 3);
  });

  it('rejects a bad kind, id, label or field with 400 naming it, and writes nothing', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const kindIssue = 'must be one of skills, industries, interests, languages';

    for (const response of [
      await intake.http.get('/v1/taxonomies/hobbies').set(bearer(organizer)),
      await intake.http.post('/v1/taxonomies/hobbies').set(bearer(organizer)).send({ label: 'Chess' }),
      await intake.http.patch('/v1/taxonomies/Skills/python').set(bearer(organizer)).send({ retired: true }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request is invalid.', details: [{ path: 'kind', issue: kindIssue }] });
    }
    const post = (body: unknown) => intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send(body as object);

    const badId = await post({ id: 'Public Speaking!', label: 'Oratory' }).expect(400);
    expect(badId.body.details).toEqual([{ path: 'id', issue: expect.stringContaining('lowercase letters and digits') }]);
    const longId = await post({ id: 'a'.repeat(65), label: 'Long' }).expect(400);
    expect(longId.body.details.map((d: { path: string }) => d.path)).toEqual(['id']);
    const blank = await post({ label: '   ' }).expect(400);
    expect(blank.body.details).toEqual([{ path: 'label', issue: 'must not be empty' }]);
    const long = await post({ label: 'x'.repeat(101) }).expect(400);
    expect(long.body.details).toEqual([{ path: 'label', issue: 'must be at most 100 characters' }]);
    const missing = await post({}).expect(400);
    expect(missing.body.details).toEqual([{ path: 'label', issue: 'is required' }]);
    const underivable = await post({ label: '日本語' }).expect(400);
    expect(underivable.body.details).toEqual([{ path: 'id', issue: expect.stringContaining('is required') }]);
    const typed = await post({ id: null, label: 42, colour: 'blue' }).expect(400);
    expect(new Set(typed.body.details.map((d: { path: string }) => d.path))).toEqual(new Set(['colour', 'id', 'label']));
    expect(typed.body.details).toContainEqual({ path: 'colour', issue: 'is not an accepted field' });

    const patch = (termId: string, body: unknown) => intake.http.patch(`/v1/taxonomies/skills/${termId}`).set(bearer(organizer)).send(body as object);
    const badPatch = await patch('python', { label: '', retired: 'yes', id: 'snake' }).expect(400);
    expect(badPatch.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['id', 'retired']);
    expect((await patch('python', { label: ' ' }).expect(400)).body.details).toEqual([{ path: 'label', issue: 'must not be empty' }]);
    expect((await patch('python', { retired: null }).expect(400)).body.details).toEqual([{ path: 'retired', issue: 'must be true or false' }]);
    expect((await patch('Not_An_Id', { retired: true }).expect(400)).body.details).toEqual([{ path: 'termId', issue: expect.stringContaining('lowercase') }]);
    const badQuery = await intake.http.get('/v1/taxonomies/skills?includeRetired=yes&networkId=x&page=2').set(bearer(organizer)).expect(400);
    expect(badQuery.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['includeRetired', 'networkId', 'page']);

    // Refused before anything was read or written: not even the defaults were seeded.
    expect(await rowsOf(network.id)).toBe(0);
    expect((await termsOf(organizer, 'skills')).find((t) => t.id === 'python')).toEqual({ id: 'python', label: 'Python', retired: false, default: true });
    expect(await rowsOf(network.id)).toBe(defaultCount);
  });

  it('retires, relabels and restores terms (defaults included); a retired term leaves GET and activeTermIds but keeps its id', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const member = await tokenOf(network);
    await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ label: 'Lobbying' }).expect(201);

    const retired = await intake.http.patch('/v1/taxonomies/skills/lobbying').set(bearer(organizer)).send({ retired: true }).expect(200);
    expect(retired.body).toEqual({ id: 'lobbying', label: 'Lobbying', retired: true, default: false });
    await intake.http.patch('/v1/taxonomies/skills/excel').set(bearer(organizer)).send({ retired: true }).expect(200);

    const visible = (await termsOf(member, 'skills')).map((t) => t.id);
    expect(visible).not.toContain('lobbying');
    expect(visible).not.toContain('excel');
    expect(visible).toContain('python');
    const all = await termsOf(member, 'skills', '?includeRetired=true');
    expect(all).toContainEqual({ id: 'lobbying', label: 'Lobbying', retired: true, default: false });
    expect(all).toContainEqual({ id: 'excel', label: 'Excel', retired: true, default: true });
    expect(all).toHaveLength(DEFAULT_TERMS.skills.length + 1);
    expect((await termsOf(member, 'skills', '?includeRetired=false')).map((t) => t.id)).toEqual(visible);
    const ids = await activeTermIds(network.id);
    expect(ids.skills.has('lobbying')).toBe(false);
    expect(ids.skills.has('excel')).toBe(false);
    expect(ids.skills.has('python')).toBe(true);
    expect(ids.skills.size).toBe(DEFAULT_TERMS.skills.length - 1);
    expect((await intake.http.get('/v1/taxonomies').set(bearer(member)).expect(200)).body.items[0]).toEqual({
      kind: 'skills',
      activeCount: DEFAULT_TERMS.skills.length - 1,
      retiredCount: 2,
    });
    // Labels still read for answers given before the term was retired.
    expect(await intake.dataSource.transaction((m) => intake.app.get(TaxonomyTerms).labels(m, network.id, 'skills', ['lobbying', 'python', 'nope']))).toEqual(
      new Map([
        ['lobbying', 'Lobbying'],
        ['python', 'Python'],
      ]),
    );

    // A retired term's id or label is still taken: bring it back instead.
    const again = await intake.http.post('/v1/taxonomies/skills').set(bearer(organizer)).send({ label: 'lobbying' }).expect(409);
    expect(again.body.message).toContain('retired');

    const relabelled = await intake.http.patch('/v1/taxonomies/skills/ux-design').set(bearer(organizer)).send({ label: 'Conception UX' }).expect(200);
    expect(relabelled.body).toEqual({ id: 'ux-design', label: 'Conception UX', retired: false, default: true });
    const clash = await intake.http.patch('/v1/taxonomies/skills/ux-design').set(bearer(organizer)).send({ label: 'python' }).expect(409);
    expect(clash.body.details).toEqual([{ path: 'label', issue: 'is already the label of "python"' }]);
    // Changing only the case of its own label is fine.
    await intake.http.patch('/v1/taxonomies/skills/ux-design').set(bearer(organizer)).send({ label: 'Conception ux' }).expect(200);

    const restored = await intake.http.patch('/v1/taxonomies/skills/excel').set(bearer(organizer)).send({ retired: false }).expect(200);
    expect(restored.body).toEqual({ id: 'excel', label: 'Excel', retired: false, default: true });
    expect((await activeTermIds(network.id)).skills.has('excel')).toBe(true);
    const unchanged = await intake.http.patch('/v1/taxonomies/skills/python').set(bearer(organizer)).send({}).expect(200);
    expect(unchanged.body).toEqual({ id: 'python', label: 'Python', retired: false, default: true });
    await intake.http.patch('/v1/taxonomies/skills/no-such-skill').set(bearer(organizer)).send({ retired: true }).expect(404);
  });

  it('keeps each network’s terms to itself: another organizer neither sees nor changes them (404)', async () => {
    const [a, b] = [await createTestNetwork(identity.http, admin), await createTestNetwork(identity.http, admin)];
    const organizerA = await tokenOf(a, ['organizer']);
    const organizerB = await tokenOf(b, ['organizer']);
    await intake.http.post('/v1/taxonomies/skills').set(bearer(organizerA)).send({ label: 'Quantum finance' }).expect(201);

    expect((await termsOf(organizerB, 'skills', '?includeRetired=true')).map((t) => t.id)).not.toContain('quantum-finance');
    expect((await activeTermIds(b.id)).skills.has('quantum-finance')).toBe(false);
    const patched = await intake.http.patch('/v1/taxonomies/skills/quantum-finance').set(bearer(organizerB)).send({ label: 'Taken', retired: true }).expect(404);
    expect(patched.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No such term.',
      details: [{ path: 'termId', issue: "does not name a term of your network's skills" }],
    });
    const named = await intake.http.get(`/v1/taxonomies/skills?networkId=${a.id}`).set(bearer(organizerB)).expect(400);
    expect(named.body.details).toEqual([{ path: 'networkId', issue: 'does not name your network' }]);
    await intake.http.post(`/v1/taxonomies/skills?networkId=${a.id}`).set(bearer(organizerB)).send({ label: 'Sneaky' }).expect(400);
    await intake.http.patch(`/v1/taxonomies/skills/quantum-finance?networkId=${a.id}`).set(bearer(organizerB)).send({ retired: true }).expect(400);
    // B's own changes stay in B: the same id is free there, and B retiring a default does not touch A's.
    await intake.http.post('/v1/taxonomies/skills').set(bearer(organizerB)).send({ label: 'Quantum finance' }).expect(201);
    await intake.http.patch('/v1/taxonomies/skills/python').set(bearer(organizerB)).send({ retired: true }).expect(200);

    expect((await termsOf(organizerA, 'skills')).filter((t) => ['quantum-finance', 'python'].includes(t.id))).toEqual([
      { id: 'python', label: 'Python', retired: false, default: true },
      { id: 'quantum-finance', label: 'Quantum finance', retired: false, default: false },
    ]);
    const [row] = await intake.dataSource.query("SELECT label, retired_at FROM taxonomy_terms WHERE network_id = $1 AND kind = 'skills' AND id = 'quantum-finance'", [a.id]);
    expect(row).toEqual({ label: 'Quantum finance', retired_at: null });

    // The platform admin names the network.
    const noNetwork = await intake.http.get('/v1/taxonomies/skills').set(bearer(admin)).expect(400);
    expect(noNetwork.body.details).toEqual([{ path: 'networkId', issue: 'is required for a platform admin' }]);
    expect((await termsOf(admin, 'skills', `?networkId=${a.id}`)).map((t) => t.id)).toContain('quantum-finance');
    const byAdmin = await intake.http.post(`/v1/taxonomies/interests?networkId=${b.id}`).set(bearer(admin)).send({ label: 'Chess' }).expect(201);
    expect(byAdmin.body).toEqual({ id: 'chess', label: 'Chess', retired: false, default: false });
    expect((await activeTermIds(b.id)).interests.has('chess')).toBe(true);
    expect((await activeTermIds(a.id)).interests.has('chess')).toBe(false);
  });

  it('names languages by ISO 639-1 code', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const post = (body: object) => intake.http.post('/v1/taxonomies/languages').set(bearer(organizer)).send(body);

    expect((await post({ id: 'xx', label: 'Nowhere' }).expect(400)).body.details).toEqual([{ path: 'id', issue: 'is not an ISO 639-1 language code' }]);
    expect((await post({ id: 'baq', label: 'Basque' }).expect(400)).body.details).toEqual([
      { path: 'id', issue: 'must be an ISO 639-1 language code: two lowercase letters, e.g. eu' },
    ]);
    expect((await post({ id: 'iw' }).expect(400)).body.details).toEqual([{ path: 'id', issue: 'is a withdrawn ISO 639-1 code; use he' }]);
    expect((await post({ label: 'Euskara' }).expect(400)).body.details).toEqual([
      { path: 'id', issue: 'is required: "Euskara" is not the English name of an ISO 639-1 language' },
    ]);

    const basque = await post({ id: 'eu' }).expect(201);
    expect(basque.body).toEqual({ id: 'eu', label: 'Basque', retired: false, default: false });
    const breton = await post({ label: 'Breton' }).expect(201);
    expect(breton.body).toEqual({ id: 'br', label: 'Breton', retired: false, default: false });
    const welsh = await post({ id: 'cy', label: 'Cymraeg' }).expect(201);
    expect(welsh.body).toEqual({ id: 'cy', label: 'Cymraeg', retired: false, default: false });
    expect((await post({ id: 'fr' }).expect(409)).body.details).toEqual([{ path: 'id', issue: 'is already the id of "French"' }]);

    const relabelled = await intake.http.patch('/v1/taxonomies/languages/fr').set(bearer(organizer)).send({ label: 'Français' }).expect(200);
    expect(relabelled.body).toEqual({ id: 'fr', label: 'Français', retired: false, default: true });
    const ids = await activeTermIds(network.id);
    expect([...ids.languages].filter((id) => ['eu', 'br', 'cy', 'fr', 'xx'].includes(id)).sort()).toEqual(['br', 'cy', 'eu', 'fr']);
    expect(ids.languages.size).toBe(43);
  });

  it('seeds a fresh network once when its first reads arrive together', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const member = await tokenOf(network);
    expect(await rowsOf(network.id)).toBe(0);

    const responses = await Promise.all([
      intake.http.get('/v1/taxonomies/skills').set(bearer(member)),
      intake.http.get('/v1/taxonomies/languages').set(bearer(member)),
      intake.http.get('/v1/taxonomies').set(bearer(member)),
      intake.http.get('/v1/taxonomies/interests').set(bearer(member)),
      intake.http.get('/v1/taxonomies').set(bearer(member)),
      intake.http.get('/v1/taxonomies/skills?includeRetired=true').set(bearer(member)),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(responses[0].body.items).toHaveLength(DEFAULT_TERMS.skills.length);
    expect(responses[1].body.items).toHaveLength(40);
    expect(responses[2].body).toEqual(responses[4].body);
    expect(responses[2].body.items.map((s: { activeCount: number }) => s.activeCount)).toEqual(TAXONOMY_KINDS.map((kind) => DEFAULT_TERMS[kind].length));
    expect(responses[5].body.items).toEqual(responses[0].body.items);

    expect(await rowsOf(network.id)).toBe(defaultCount);
    // One transaction wrote every default; one claim of the network.
    const [written] = await intake.dataSource.query('SELECT count(DISTINCT xmin::text)::int AS transactions FROM taxonomy_terms WHERE network_id = $1', [network.id]);
    expect(written.transactions).toBe(1);
    const [seeds] = await intake.dataSource.query('SELECT count(*)::int AS count FROM taxonomy_seeds WHERE network_id = $1', [network.id]);
    expect(seeds.count).toBe(1);

    // Inside callers' transactions too.
    const other = await createTestNetwork(identity.http, admin);
    const sets = await Promise.all([activeTermIds(other.id), activeTermIds(other.id), activeTermIds(other.id)]);
    for (const ids of sets) expect(TAXONOMY_KINDS.map((kind) => ids[kind].size)).toEqual(TAXONOMY_KINDS.map((kind) => DEFAULT_TERMS[kind].length));
    expect(await rowsOf(other.id)).toBe(defaultCount);
  });
});
