using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integrity.Tests;

/// <summary>
/// Who may call what: every endpoint, called by every kind of caller, answers the status the roles and
/// scopes promise. The world: donor D1 funds programme P1, which covers administration A1; D2 funds P2,
/// which covers A2. A coordinator assigned P1 (by programme), a national focal point assigned A2 (a
/// coordinator by administration), a trainer of P1, and D1 with an account, a token, a revoked token
/// and an expired token. The two coordinators are each "in scope" for one half of the world and "out of
/// scope" for the other, so every scoped row shows both.
/// </summary>
public sealed class AccessMatrixTests(string provider) : ApiOnEachDatabase(provider)
{
    public enum Who
    {
        Anonymous,
        Administrator,
        /// <summary>Coordinator assigned P1: in scope for P1 and A1, out of scope for P2 and A2.</summary>
        CoordinatorOfP1,
        /// <summary>Coordinator assigned administration A2 (a national focal point): in scope for A2 and P2 (which covers A2), out of scope for P1 and A1.</summary>
        FocalPointOfA2,
        TrainerOfP1,
        DonorToken,
        DonorAccount,
        RevokedToken,
        ExpiredToken,
    }

    private const string Password = "matrix-password-123";

    /// <summary>The expected status per caller, in the order of <see cref="Who"/>.</summary>
    private static readonly (string Endpoint, int[] Statuses)[] Matrix =
    [
        //                                                  anon admin coP1 fpA2 trP1 dTok dAcc revk expd
        ("GET /health",                                    [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        ("GET /health/ready",                              [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        ("POST /api/v1/auth/sign-in",                      [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        ("POST /api/v1/auth/sign-out",                     [204, 204, 204, 204, 204, 204, 204, 204, 204]),
        ("GET /api/v1/auth/me",                            [401, 200, 200, 200, 200, 200, 200, 401, 401]),

        ("GET /api/v1/key-factors",                        [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/regions",                            [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/countries",                          [401, 200, 200, 200, 200, 200, 200, 401, 401]),

        ("GET /api/v1/donors",                             [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/donors/{D1}",                        [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/donors/{D2}",                        [401, 200, 200, 200, 200, 404, 404, 401, 401]),
        ("POST /api/v1/donors",                            [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/donors/{D1}",                        [401, 204, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/programmes",                         [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/programmes/{P1}",                    [401, 200, 200, 404, 200, 200, 200, 401, 401]),
        ("GET /api/v1/programmes/{P2}",                    [401, 200, 404, 200, 404, 404, 404, 401, 401]),
        ("POST /api/v1/programmes",                        [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/programmes/{P1}",                    [401, 204, 204, 404, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/programmes/{P2}",                    [401, 204, 404, 204, 403, 403, 403, 401, 401]),

        ("GET /api/v1/administrations",                    [401, 200, 200, 200, 200, 200, 200, 401, 401]),
        ("GET /api/v1/administrations/{A1}",               [401, 200, 200, 404, 200, 200, 200, 401, 401]),
        ("GET /api/v1/administrations/{A2}",               [401, 200, 404, 200, 404, 404, 404, 401, 401]),
        ("POST /api/v1/administrations",                   [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/administrations/{A1}",               [401, 204, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/users",                              [401, 200, 403, 403, 403, 403, 403, 401, 401]),
        ("GET /api/v1/users/{Spare}",                      [401, 200, 403, 403, 403, 403, 403, 401, 401]),
        ("POST /api/v1/users",                             [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/users/{Spare}",                      [401, 204, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/api-tokens",                         [401, 200, 403, 403, 403, 403, 403, 401, 401]),
        ("POST /api/v1/api-tokens",                        [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("POST /api/v1/api-tokens/{RevokedToken}/revoke",  [401, 204, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/participants/duplicate-reviews",     [401, 200, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/audit/verify",                       [401, 200, 403, 403, 403, 403, 403, 401, 401]),
        ("GET /api/v1/audit/checkpoint",                   [401, 200, 403, 403, 403, 403, 403, 401, 401]),

        ("GET /api/v1/questionnaires",                     [401, 200, 200, 200, 403, 403, 403, 401, 401]),
        ("GET /api/v1/questionnaires/{Q}",                 [401, 200, 200, 200, 403, 403, 403, 401, 401]),
        ("POST /api/v1/questionnaires",                    [401, 201, 403, 403, 403, 403, 403, 401, 401]),
        ("PUT /api/v1/questionnaires/{Q}",                 [401, 204, 403, 403, 403, 403, 403, 401, 401]),

        // A round's responses are the administration's own: its coordinators and administrators import them, nobody else.
        ("POST /api/v1/perception-surveys/{S1}/responses",         [401, 200, 200, 404, 403, 403, 403, 401, 401]),
        ("POST /api/v1/perception-surveys/{S2}/responses",         [401, 200, 404, 200, 403, 403, 403, 401, 401]),
        ("POST /api/v1/perception-surveys/{S1}/responses/preview", [401, 200, 200, 404, 403, 403, 403, 401, 401]),
        ("POST /api/v1/perception-surveys/{S2}/responses/preview", [401, 200, 404, 200, 403, 403, 403, 401, 401]),
        // Perception surveys: an administration's detailed results, never a donor's (403 even for its own programme's rounds);
        // donors read only the programme summary. S1 is a round of P1 in A1, S2 of P2 in A2.
        ("GET /api/v1/perception-surveys",                 [401, 200, 200, 200, 403, 403, 403, 401, 401]),
        ("GET /api/v1/perception-surveys/{S1}",            [401, 200, 200, 404, 403, 403, 403, 401, 401]),
        ("GET /api/v1/perception-surveys/{S2}",            [401, 200, 404, 200, 403, 403, 403, 401, 401]),
        ("POST /api/v1/perception-surveys (P1 in A1)",     [401, 201, 201, 404, 403, 403, 403, 401, 401]),
        ("POST /api/v1/perception-surveys (P2 in A2)",     [401, 201, 404, 201, 403, 403, 403, 401, 401]),
        ("GET /api/v1/perception-surveys/{S1}/scores",     [401, 200, 200, 404, 403, 403, 403, 401, 401]),
        ("GET /api/v1/perception-surveys/{S2}/scores",     [401, 200, 404, 200, 403, 403, 403, 401, 401]),
        ("GET /api/v1/administrations/{A1}/perception-trend", [401, 200, 200, 404, 403, 403, 403, 401, 401]),
        ("GET /api/v1/administrations/{A2}/perception-trend", [401, 200, 404, 200, 403, 403, 403, 401, 401]),
        ("GET /api/v1/programmes/{P1}/reports/perception", [401, 200, 200, 404, 403, 200, 200, 401, 401]),
        ("GET /api/v1/programmes/{P2}/reports/perception", [401, 200, 404, 200, 403, 404, 404, 401, 401]),

        ("GET /api/v1/action-plans",                       [401, 200, 200, 200, 403, 403, 403, 401, 401]),
        ("GET /api/v1/programmes/{P1}/indicators",         [401, 200, 200, 404, 200, 403, 403, 401, 401]),
        ("GET /api/v1/programmes/{P1}/periods",            [401, 200, 200, 404, 200, 403, 403, 401, 401]),
        ("GET /api/v1/programmes/{P1}/reports/progress",   [401, 200, 200, 404, 403, 200, 200, 401, 401]),
        ("GET /api/v1/programmes/{P2}/reports/progress",   [401, 200, 404, 200, 403, 404, 404, 401, 401]),
        ("GET /api/v1/programmes/{P1}/iati",               [401, 200, 200, 404, 403, 200, 200, 401, 401]),

        // Commands that take other records' ids: each id must be the caller's to use (400 naming the field otherwise), and a
        // workshop's administrations covered by its programme, whoever calls.
        ("POST /api/v1/workshops (P1 hosted by A1)",       [401, 201, 201, 400, 403, 403, 403, 401, 401]),
        ("POST /api/v1/workshops (P2 hosted by A2)",       [401, 201, 400, 201, 403, 403, 403, 401, 401]),
        ("POST /api/v1/workshops (P1 hosted by A2)",       [401, 400, 400, 400, 403, 403, 403, 401, 401]),
        ("POST /api/v1/workshops/{W1}/sessions (T1 of A1)", [401, 201, 201, 404, 403, 403, 403, 401, 401]),
        ("POST /api/v1/workshops/{W1}/sessions (new trainer of A2)", [401, 201, 400, 404, 403, 403, 403, 401, 401]),
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        var callers = Enum.GetValues<Who>();
        foreach (var (endpoint, statuses) in Matrix)
        {
            if (statuses.Length != callers.Length)
                throw new InvalidOperationException($"The row {endpoint} has {statuses.Length} statuses for {callers.Length} callers.");
            for (var i = 0; i < callers.Length; i++)
                yield return new TestCaseData(endpoint, callers[i], statuses[i]);
        }
    }

    /// <summary>Which of the world's records each caller finds in the lists.</summary>
    private static IEnumerable<TestCaseData> Visibility()
    {
        (Who who, string[] programmes, string[] administrations, string[] donors)[] rows =
        [
            (Who.Administrator, ["P1", "P2"], ["A1", "A2"], ["D1", "D2"]),
            (Who.CoordinatorOfP1, ["P1"], ["A1"], ["D1", "D2"]),
            (Who.FocalPointOfA2, ["P2"], ["A2"], ["D1", "D2"]),
            (Who.TrainerOfP1, ["P1"], ["A1"], ["D1", "D2"]),
            (Who.DonorToken, ["P1"], ["A1"], ["D1"]),
            (Who.DonorAccount, ["P1"], ["A1"], ["D1"]),
        ];
        foreach (var (who, programmes, administrations, donors) in rows)
        {
            yield return new TestCaseData(who, "/api/v1/programmes", new[] { "P1", "P2" }, programmes);
            yield return new TestCaseData(who, "/api/v1/administrations", new[] { "A1", "A2" }, administrations);
            yield return new TestCaseData(who, "/api/v1/donors", new[] { "D1", "D2" }, donors);
        }
    }

    private readonly Dictionary<string, Guid> ids = [];
    private readonly Dictionary<Who, Action<HttpRequestMessage>> credentials = [];
    private HttpClient raw = null!;
    private string signInEmail = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        // No cookie container: each request carries exactly the credentials its caller has, and a
        // sign-in or sign-out answered to one case cannot change who the next case is.
        raw = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        await RegisterDonorAsync("D1", "Matrix donor one");
        await RegisterDonorAsync("D2", "Matrix donor two");
        await RegisterDonorAsync("DX", "Matrix donor for new programmes and tokens");
        await RegisterAdministrationAsync("A1", "ML", "Matrix Mali Customs");
        await RegisterAdministrationAsync("A2", "BF", "Matrix Burkina Faso Customs");
        await RegisterProgrammeAsync("P1", "D1", "A1");
        await RegisterProgrammeAsync("P2", "D2", "A2");

        ids["W1"] = await CreateAsync("/api/v1/workshops", Workshop("P1", "A1"));
        ids["M"] = await CreateAsync("/api/v1/modules", new { code = UniqueCode("MX"), titleEn = "Matrix module", titleFr = "Module de la matrice", hours = 3, keyFactorCodes = new[] { "RAD-07" } });
        ids["Q"] = await CreateAsync("/api/v1/questionnaires", Questionnaire(UniqueCode("QX")));
        // A questionnaire of its own for the rounds: once a round uses one, it can no longer be updated (PUT …/{Q} above).
        ids["QS"] = await CreateAsync("/api/v1/questionnaires", Questionnaire(UniqueCode("QS")));
        ids["S1"] = await CreateAsync("/api/v1/perception-surveys", Round("P1", "A1"));
        ids["S2"] = await CreateAsync("/api/v1/perception-surveys", Round("P2", "A2"));
        ids["T1"] = await CreateAsync("/api/v1/trainers", new { fullName = "Matrix national trainer of A1", kind = "national_trainer", administrationId = ids["A1"] });

        var marker = Guid.NewGuid().ToString("N")[..8];
        string Email(string who) => $"{who}-{marker}@matrix.test";
        await AddUserAsync(Email("coordinator"), "Matrix coordinator of P1", "coordinator", programmeIds: [ids["P1"]]);
        await AddUserAsync(Email("focal-point"), "Matrix focal point of A2", "coordinator", administrationIds: [ids["A2"]]);
        await AddUserAsync(Email("trainer"), "Matrix trainer of P1", "trainer", programmeIds: [ids["P1"]]);
        await AddUserAsync(Email("donor"), "Matrix donor account of D1", "donor", donorId: ids["D1"]);
        signInEmail = Email("sign-in");
        await AddUserAsync(signInEmail, "Matrix account that signs in", "trainer");
        ids["Spare"] = await AddUserAsync(Email("spare"), "Matrix spare account", "trainer");

        var validToken = await IssueTokenAsync("D1 valid", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var revokedToken = await IssueTokenAsync("D1 revoked", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        await AssertTokenWorksAsync(revokedToken.Token);
        var revoke = await Client.PostAsync($"/api/v1/api-tokens/{revokedToken.Id}/revoke", null);
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await revoke.Content.ReadAsStringAsync());
        ids["RevokedToken"] = revokedToken.Id;
        var expiredToken = await IssueTokenAsync("D1 expired", DateOnly.FromDateTime(DateTime.UtcNow));
        await AssertTokenWorksAsync(expiredToken.Token);
        await ExpireAsync(expiredToken.Id);

        credentials[Who.Anonymous] = _ => { };
        credentials[Who.Administrator] = WithCookie(await SessionCookieAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword));
        credentials[Who.CoordinatorOfP1] = WithCookie(await SessionCookieAsync(Email("coordinator"), Password));
        credentials[Who.FocalPointOfA2] = WithCookie(await SessionCookieAsync(Email("focal-point"), Password));
        credentials[Who.TrainerOfP1] = WithCookie(await SessionCookieAsync(Email("trainer"), Password));
        credentials[Who.DonorAccount] = WithCookie(await SessionCookieAsync(Email("donor"), Password));
        credentials[Who.DonorToken] = WithToken(validToken.Token);
        credentials[Who.RevokedToken] = WithToken(revokedToken.Token);
        credentials[Who.ExpiredToken] = WithToken(expiredToken.Token);
    }

    [OneTimeTearDown]
    public void DisposeRawClient() => raw?.Dispose();

    [TestCaseSource(nameof(Cases))]
    public async Task Each_caller_gets_the_status_its_role_and_scope_allow(string endpoint, Who caller, int expected)
    {
        using var request = await RequestAsync(endpoint, caller);
        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), $"{endpoint} as {caller}: {body}");
        if (expected is 401 or 403 or 404)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{endpoint} as {caller}: {body}");
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(expected), body);
        }
    }

    [TestCaseSource(nameof(Visibility))]
    public async Task A_list_shows_each_caller_only_the_records_in_its_scope(Who caller, string list, string[] candidates, string[] expected)
    {
        var items = await AllItemsAsync(list, caller);
        var listed = items.Select(item => item.GetProperty("id").GetGuid()).ToHashSet();
        Assert.That(candidates.Where(name => listed.Contains(ids[name])), Is.EquivalentTo(expected), $"{list} as {caller}");
        if (caller is Who.DonorToken or Who.DonorAccount)
            Assert.Multiple(() =>
            {
                // Not only the world's records: nothing outside D1's funding shows at all.
                foreach (var item in items)
                    if (list.EndsWith("/donors", StringComparison.Ordinal))
                        Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(ids["D1"]), item.ToString());
                    else if (list.EndsWith("/programmes", StringComparison.Ordinal))
                        Assert.That(item.GetProperty("donors").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()), Does.Contain(ids["D1"]), item.ToString());
            });
    }

    [Test]
    public async Task A_coordinator_cannot_widen_its_scope_by_attaching_an_administration_to_its_programme()
    {
        // Its own programme and coordinator, so that a failure here cannot change the matrix's world.
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("WD"), name = "Matrix donor of a widened programme" });
        var fields = new ProgrammeFields(UniqueCode("WIDEN"), "Matrix programme a coordinator tries to widen", "2024-01-01", "2026-12-31", [donor], [ids["A1"]]);
        var programme = await CreateAsync("/api/v1/programmes", fields);
        var coordinator = await NewAccountAsync("coordinator", programmeIds: [programme]);
        var path = $"/api/v1/programmes/{programme}";

        await ProblemAsync(await PutAsAsync(path, fields with { AdministrationIds = [ids["A1"], ids["A2"]] }, coordinator, "\"1\""), 403);
        await ProblemAsync(await PutAsAsync(path, fields with { DonorIds = [donor, ids["DX"]] }, coordinator, "\"1\""), 403);

        var after = await GetJsonAsync(path);
        using var a2 = await SendAsync("GET", $"/api/v1/administrations/{ids["A2"]}", coordinator);
        Assert.Multiple(() =>
        {
            Assert.That(AdministrationIds(after), Is.EqualTo(new[] { ids["A1"] }), "the programme still covers A1 only");
            Assert.That(DonorIds(after), Is.EqualTo(new[] { donor }), "its donors are unchanged");
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(1), "nothing changed");
            Assert.That(a2.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "A2 stays out of the coordinator's scope");
        });
    }

    [Test]
    public async Task A_focal_point_may_rename_a_programme_of_its_administration_but_not_drop_another_administration_from_it()
    {
        // A programme covering A1 and A2, and a focal point of A2 of its own: it sees the programme but works with A2 only.
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("SD"), name = "Matrix donor of a shared programme" });
        var fields = new ProgrammeFields(UniqueCode("SHARED"), "Matrix programme covering A1 and A2", "2024-01-01", "2026-12-31", [donor], [ids["A1"], ids["A2"]]);
        var programme = await CreateAsync("/api/v1/programmes", fields);
        var focalPoint = await NewAccountAsync("coordinator", administrationIds: [ids["A2"]]);
        var path = $"/api/v1/programmes/{programme}";

        await ProblemAsync(await PutAsAsync(path, fields with { AdministrationIds = [ids["A2"]] }, focalPoint, "\"1\""), 403);
        await ProblemAsync(await PutAsAsync(path, fields with { DonorIds = [ids["DX"]] }, focalPoint, "\"1\""), 403);
        var renamed = await PutAsAsync(path, fields with { Name = "Matrix programme renamed by its focal point" }, focalPoint, "\"1\"");
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await renamed.Content.ReadAsStringAsync());

        var after = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("Matrix programme renamed by its focal point"));
            Assert.That(AdministrationIds(after), Is.EquivalentTo(new[] { ids["A1"], ids["A2"] }));
            Assert.That(DonorIds(after), Is.EqualTo(new[] { donor }));
        });
    }

    [Test]
    public async Task An_administrator_still_changes_a_programmes_donors_and_administrations()
    {
        var fields = new ProgrammeFields(UniqueCode("RELINK"), "Matrix programme relinked", "2024-01-01", "2026-12-31", [ids["DX"]], []);
        var path = $"/api/v1/programmes/{await CreateAsync("/api/v1/programmes", fields)}";
        var response = await PutAsAsync(path, fields with { DonorIds = [ids["DX"], ids["D2"]], AdministrationIds = [ids["A2"]] }, credentials[Who.Administrator], "\"1\"");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var after = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(AdministrationIds(after), Is.EqualTo(new[] { ids["A2"] }));
            Assert.That(DonorIds(after), Is.EquivalentTo(new[] { ids["DX"], ids["D2"] }));
        });
    }

    private async Task<Action<HttpRequestMessage>> NewAccountAsync(string role, Guid[]? programmeIds = null, Guid[]? administrationIds = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@matrix.test";
        await AddUserAsync(email, $"Matrix {role} of its own", role, programmeIds, administrationIds);
        return WithCookie(await SessionCookieAsync(email, Password));
    }

    private static List<Guid> DonorIds(JsonElement programme) =>
        programme.GetProperty("donors").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();

    private static List<Guid> AdministrationIds(JsonElement programme) =>
        programme.GetProperty("administrations").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();

    private async Task<HttpResponseMessage> PutAsAsync(string path, object body, Action<HttpRequestMessage> caller, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        caller(request);
        return await raw.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, Who caller) => SendAsync(method, path, credentials[caller]);

    private async Task<HttpResponseMessage> SendAsync(string method, string path, Action<HttpRequestMessage> caller)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        caller(request);
        return await raw.SendAsync(request);
    }

    /// <summary>The request of one matrix row, with real ids, a valid body and the record's current ETag, as the caller.</summary>
    private async Task<HttpRequestMessage> RequestAsync(string endpoint, Who caller)
    {
        var (method, template) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var path = ids.Aggregate(template, (current, id) => current.Replace($"{{{id.Key}}}", id.Value.ToString(), StringComparison.Ordinal));
        Assert.That(path, Does.Not.Contain("{"), $"{endpoint} names an id the world does not have");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (endpoint.Contains("/responses", StringComparison.Ordinal)) request.Content = ResponsesFile();
        else if (await BodyAsync(endpoint) is { } body) request.Content = JsonContent.Create(body);
        if (method == "PUT")
        {
            // The administrator reads the current version, so a success earlier in the run never makes this one stale.
            var current = await Client.GetAsync(path);
            Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path} for its ETag");
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        }
        // Signing out ends every session of the account, so it is done with a session of its own.
        if (endpoint == "POST /api/v1/auth/sign-out" && credentials[caller] != credentials[Who.Anonymous] && !IsToken(caller))
            WithCookie(await SessionCookieAsync(signInEmail, Password))(request);
        else
            credentials[caller](request);
        return request;
    }

    private static bool IsToken(Who caller) => caller is Who.DonorToken or Who.RevokedToken or Who.ExpiredToken;

    /// <summary>A valid body: creates get fresh codes so every success is a new record, updates resend the record as it is.</summary>
    private async Task<object?> BodyAsync(string endpoint)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        switch (endpoint)
        {
            case "POST /api/v1/auth/sign-in": return new { email = signInEmail, password = Password };
            case "POST /api/v1/donors": return new { code = UniqueCode("MX"), name = "Matrix donor registered by a case" };
            case "POST /api/v1/programmes":
                return new { code = UniqueCode("PX"), name = "Matrix programme registered by a case", startsOn = "2024-01-01", endsOn = "2026-12-31", donorIds = new[] { ids["DX"] } };
            case "POST /api/v1/administrations":
                return new { countryCode = "SN", regionCode = "WCA", nameEn = $"Matrix customs {Guid.NewGuid():N}", nameFr = "Douanes de la matrice" };
            case "POST /api/v1/users":
                return new { email = $"new-{Guid.NewGuid():N}@matrix.test", displayName = "Matrix account added by a case", role = "trainer", password = Password };
            case "POST /api/v1/api-tokens":
                return new { donorId = ids["DX"], name = "Matrix token issued by a case", expiresOn = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            case "POST /api/v1/questionnaires": return Questionnaire(UniqueCode("QX"));
            case "PUT /api/v1/users/{Spare}": return new { displayName = "Matrix spare account", role = "trainer" };
            case "POST /api/v1/perception-surveys (P1 in A1)": return Round("P1", "A1");
            case "POST /api/v1/perception-surveys (P2 in A2)": return Round("P2", "A2");
            case "POST /api/v1/workshops (P1 hosted by A1)": return Workshop("P1", "A1");
            case "POST /api/v1/workshops (P2 hosted by A2)": return Workshop("P2", "A2");
            case "POST /api/v1/workshops (P1 hosted by A2)": return Workshop("P1", "A2");
            case "POST /api/v1/workshops/{W1}/sessions (T1 of A1)": return new { moduleId = ids["M"], heldOn = "2024-03-05", trainerIds = new[] { ids["T1"] } };
            case "POST /api/v1/workshops/{W1}/sessions (new trainer of A2)":
                // A trainer no session has yet: one assigned by an earlier case would be in the workshop's scope by then.
                var ofA2 = await CreateAsync("/api/v1/trainers", new { fullName = "Matrix national trainer of A2", kind = "national_trainer", administrationId = ids["A2"] });
                return new { moduleId = ids["M"], heldOn = "2024-03-05", trainerIds = new[] { ofA2 } };
        }
        if (!endpoint.StartsWith("PUT ", StringComparison.Ordinal)) return null;
        var key = endpoint[(endpoint.LastIndexOf('{') + 1)..^1];
        var current = await GetJsonAsync(endpoint.Split(' ')[1].Replace($"{{{key}}}", ids[key].ToString(), StringComparison.Ordinal));
        return key switch
        {
            "D1" => new { code = current.GetProperty("code").GetString(), name = current.GetProperty("name").GetString() },
            "A1" => new
            {
                countryCode = current.GetProperty("countryCode").GetString(), regionCode = current.GetProperty("regionCode").GetString(),
                nameEn = current.GetProperty("nameEn").GetString(), nameFr = current.GetProperty("nameFr").GetString(),
            },
            "P1" or "P2" => ProgrammeBody(key, current),
            "Q" => Questionnaire(current.GetProperty("code").GetString()!),
            _ => throw new InvalidOperationException($"No body for {endpoint}."),
        };
    }

    private object Workshop(string programme, string host) => new
    {
        programmeId = ids[programme], kind = "workshop", title = $"Matrix workshop of {programme} in {host}", startsOn = "2024-03-04", endsOn = "2024-03-06",
        hostAdministrationId = ids[host], city = "Bamako", language = "fr",
    };

    private object Round(string programme, string administration) => new
    {
        programmeId = ids[programme], administrationId = ids[administration], questionnaireId = ids["QS"], label = $"Matrix round of {programme} in {administration}",
        fieldworkStartsOn = "2024-03-01", fieldworkEndsOn = "2024-04-30",
    };

    /// <summary>A responses file of one new respondent, so that every success adds one.</summary>
    private static ByteArrayContent ResponsesFile()
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"respondent,group,MX-01\r\nMX-{Guid.NewGuid():N},customs_official,4\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static object Questionnaire(string code) => new
    {
        code, titleEn = "Matrix questionnaire", titleFr = "Questionnaire de la matrice",
        questions = new[] { new { code = "MX-01", keyFactorCode = "RAD-03", textEn = "A matrix question.", textFr = "Une question de la matrice.", reversed = false } },
    };

    private sealed record ProgrammeFields(string Code, string Name, string StartsOn, string EndsOn, Guid[] DonorIds, Guid[] AdministrationIds);

    /// <summary>The programme as it is, with the links the world gave it: updating it with this changes nothing but its version.</summary>
    private ProgrammeFields ProgrammeBody(string key, JsonElement current) => new(
        current.GetProperty("code").GetString()!, current.GetProperty("name").GetString()!,
        current.GetProperty("startsOn").GetString()!, current.GetProperty("endsOn").GetString()!,
        [ids[key == "P1" ? "D1" : "D2"]], [ids[key == "P1" ? "A1" : "A2"]]);

    private async Task<List<JsonElement>> AllItemsAsync(string list, Who caller)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await SendAsync("GET", $"{list}?limit=50" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), caller);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{list} as {caller}: {await response.Content.ReadAsStringAsync()}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return items;
    }

    private async Task RegisterDonorAsync(string key, string name) =>
        ids[key] = await CreateAsync("/api/v1/donors", new { code = UniqueCode(key), name });

    private async Task RegisterAdministrationAsync(string key, string countryCode, string name) =>
        ids[key] = await CreateAsync("/api/v1/administrations", new { countryCode, regionCode = "WCA", nameEn = $"{name} {Guid.NewGuid():N}", nameFr = name });

    private async Task RegisterProgrammeAsync(string key, string donor, string administration) =>
        ids[key] = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode(key), name = $"Matrix programme {key}", startsOn = "2024-01-01", endsOn = "2027-12-31",
            donorIds = new[] { ids[donor] }, administrationIds = new[] { ids[administration] },
        });

    private Task<Guid> AddUserAsync(string email, string displayName, string role, Guid[]? programmeIds = null, Guid[]? administrationIds = null, Guid? donorId = null) =>
        CreateAsync("/api/v1/users", new { email, displayName, role, password = Password, donorId, programmeIds, administrationIds });

    private sealed record IssuedToken(Guid Id, string Token);

    private async Task<IssuedToken> IssueTokenAsync(string name, DateOnly expiresOn)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/api-tokens",
            new { donorId = ids["D1"], name, expiresOn = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedToken(issued.GetProperty("id").GetGuid(), issued.GetProperty("token").GetString()!);
    }

    /// <summary>So that the revoked and expired tokens fail for being revoked or expired, and for nothing else.</summary>
    private async Task AssertTokenWorksAsync(string token)
    {
        using var response = await SendAsync("GET", "/api/v1/auth/me", WithToken(token));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token works before it is revoked or expires");
    }

    /// <summary>Test setup, not a mock: moves a token's expiry into the past in the database, as time would.</summary>
    private async Task ExpireAsync(Guid tokenId)
    {
        var yesterday = DateTime.UtcNow.AddDays(-1);
        await using DbConnection connection = Provider == "sqlite"
            ? new SqliteConnection(App.Database.ConnectionString)
            : new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_tokens SET expires_at = @expiresAt WHERE id = @id";
        if (connection is SqliteConnection)
        {
            // As the app stores instants and ids in SQLite: round-trip UTC text, lowercase uuid text.
            command.Parameters.Add(new SqliteParameter("@expiresAt", yesterday.ToString("O", CultureInfo.InvariantCulture)));
            command.Parameters.Add(new SqliteParameter("@id", tokenId.ToString("D")));
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter("expiresAt", yesterday));
            command.Parameters.Add(new NpgsqlParameter("id", tokenId));
        }
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1), "the expired token's row");
    }

    private async Task<string> SessionCookieAsync(string email, string password)
    {
        var response = await raw.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"sign-in as {email}: {await response.Content.ReadAsStringAsync()}");
        var cookies = response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0])
            .Where(cookie => cookie.StartsWith("integrity.session", StringComparison.Ordinal)).ToList();
        Assert.That(cookies, Is.Not.Empty, $"sign-in as {email} set no session cookie");
        return string.Join("; ", cookies);
    }

    private static Action<HttpRequestMessage> WithCookie(string cookie) => request => request.Headers.Add("Cookie", cookie);

    private static Action<HttpRequestMessage> WithToken(string token) => request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
