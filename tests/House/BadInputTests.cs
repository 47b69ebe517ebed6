using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integrity.Tests;

/// <summary>
/// Every operation of the OpenAPI document, fed thousands of bad requests (see <see cref="BadInput"/>) as an
/// administrator, so that they reach validation, and some as nobody: no answer is a 5xx, every 4xx is a problem
/// with a title, and a rejected request leaves every table exactly as it was. The seed is fixed so a failure
/// can be replayed; INTEGRITY_FUZZ_SEED picks another one.
/// </summary>
public sealed class BadInputTests(string provider) : TrainingRecordsWorld(provider)
{
    private const int DefaultSeed = 20_261_123;
    private const int RequestsPerOperation = 8;
    private static readonly TimeSpan UnansweredAfter = TimeSpan.FromSeconds(30);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("INTEGRITY_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>
    /// Sign-in and sign-out go out anonymously: the administrator's session must outlive the run. (A refused
    /// sign-in is itself audited, so it may add to audit_entries and nothing else.)
    /// </summary>
    private static readonly string[] SessionOperations = ["SignIn", "SignOut"];

    [Test]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_and_what_it_rejects_changes_nothing()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var operations = ApiOperation.AllIn(document);
        var input = new BadInput(document, await KnownIdsAsync(), Seed);
        var fingerprint = await DatabaseFingerprint.ForAsync(App.Database);
        var before = await fingerprint.TakeAsync();
        using var anonymous = App.AnonymousClient();
        var failures = new List<string>();
        var sent = operations.ToDictionary(operation => operation.Id, _ => 0);
        var clock = Stopwatch.StartNew();
        var fingerprintTime = new Stopwatch();

        foreach (var operation in operations)
        {
            foreach (var request in input.For(operation))
            {
                var caller = request.Anonymous || SessionOperations.Contains(operation.Id) ? anonymous : Client;
                using var message = request.ToMessage();
                // A request left unanswered fails as itself, named, rather than as the run's whole time-out.
                using var patience = new CancellationTokenSource(UnansweredAfter);
                HttpResponseMessage answered;
                try
                {
                    answered = await caller.SendAsync(message, patience.Token);
                }
                catch (OperationCanceledException) when (patience.IsCancellationRequested)
                {
                    Assert.Fail($"{request}\n    -> no answer in {UnansweredAfter.TotalSeconds:0} s (seed {Seed})");
                    throw;
                }
                using var response = answered;
                sent[operation.Id]++;
                if (await FaultOfAsync(response) is { } fault) failures.Add($"{request}\n    -> {fault}");
                if (!request.Changes) continue;
                fingerprintTime.Start();
                var after = await fingerprint.TakeAsync();
                fingerprintTime.Stop();
                if ((int)response.StatusCode is >= 400 and < 500 && DatabaseFingerprint.Changes(before, after)
                        .Where(change => !(operation.Id == "SignIn" && change.StartsWith("audit_entries:", StringComparison.Ordinal))).ToList() is { Count: > 0 } changed)
                    failures.Add($"{request}\n    -> {(int)response.StatusCode} but changed {string.Join("; ", changed)}");
                before = after;
            }
            if (operation.Method == HttpMethod.Get && DatabaseFingerprint.Changes(before, await fingerprint.TakeAsync()) is { Count: > 0 } read)
                failures.Add($"{operation.Id}: reading changed {string.Join("; ", read)}");
        }

        TestContext.Progress.WriteLine($"{Provider}: {sent.Values.Sum()} bad requests to {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s, fingerprints {fingerprintTime.Elapsed.TotalSeconds:0.0} s (seed {Seed}).");
        foreach (var failure in failures) TestContext.Progress.WriteLine($"FAILURE {failure}");
        Assert.Multiple(async () =>
        {
            Assert.That(failures, Is.Empty, $"Seed {Seed} (INTEGRITY_FUZZ_SEED); {failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
            Assert.That(sent.Where(operation => operation.Value < RequestsPerOperation).Select(operation => operation.Key), Is.Empty, "operations hardly tried");
            Assert.That(operations, Has.Count.GreaterThanOrEqualTo(80), "the document lists the operations");
            Assert.That((await Client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the administrator is still signed in");
        });
    }

    /// <summary>What is wrong with an answer, if anything: a 5xx, or a 4xx that is not a problem with a title.</summary>
    private static async Task<string?> FaultOfAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400) return null;
        var body = await response.Content.ReadAsStringAsync();
        var excerpt = body.Length > 400 ? body[..400] + "…" : body;
        if (status >= 500) return $"{status} {excerpt}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {excerpt}";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.TryGetProperty("title", out var title) is false || string.IsNullOrWhiteSpace(title.GetString())) return $"{status} problem without a title: {excerpt}";
            if (problem.TryGetProperty("status", out var said) && said.GetInt32() != status) return $"{status} problem saying status {said}: {excerpt}";
            return null;
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON: {excerpt}";
        }
    }

    /// <summary>Records of each kind that paths can name, so that bad input gets past "not found" to validation.</summary>
    private async Task<IReadOnlyDictionary<string, Guid[]>> KnownIdsAsync()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("FUZZ"), name = "Fuzzed donor" });
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        var session = await SessionAsync(workshop, "2023-11-29", TrainerT);
        var participant = await RegisterAsync(Person("Ouédraogo", $"Aminata {NewMarker()}", AdministrationA, "female"));
        Assert.That((await EnrolAsync(workshop, new { participantId = participant })).IsSuccessStatusCode, Is.True);
        var plan = await CreateAsync("/api/v1/action-plans", new
        {
            administrationId = AdministrationA, programmeId = Programme, title = "Integrity action plan", startsOn = "2024-01-01", endsOn = "2026-12-31",
        });
        var questionnaire = await CreateAsync("/api/v1/questionnaires", new
        {
            code = UniqueCode("FUZZ"), titleEn = "Fuzzed questionnaire", titleFr = "Questionnaire éprouvé",
            questions = new[] { new { code = "Q1", keyFactorCode = "RAD-01", textEn = "A question.", textFr = "Une question.", reversed = false } },
        });
        return new Dictionary<string, Guid[]>
        {
            ["donors"] = [donor],
            ["administrations"] = [AdministrationA, AdministrationB],
            ["programmes"] = [Programme],
            ["modules"] = [Module],
            ["trainers"] = [TrainerT, OtherTrainer],
            ["workshops"] = [workshop],
            ["sessions"] = [session],
            ["participants"] = [participant],
            ["action-plans"] = [plan],
            ["questionnaires"] = [questionnaire],
        }.AsReadOnly();
    }
}
