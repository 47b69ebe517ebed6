using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>A submitted report holds still: the workshops, attendance and progress of its period cannot change until it is returned.</summary>
public sealed class ReportingPeriodLockTests(string provider) : ApiOnEachDatabase(provider)
{
    private Guid programme;
    private Guid burkina;
    private Guid module;
    private Guid trainer;
    private Guid workshop;
    private Guid session;
    private Guid participant;
    private Guid period;
    private Guid action;

    [OneTimeSetUp]
    public async Task SubmittedYear()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("LOCK"), name = "Lock donor" });
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = "Lock BF " + UniqueCode("A"), nameFr = "Douanes" });
        programme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("LOCK-P"), name = "Locked", startsOn = "2020-01-01", endsOn = "2027-12-31", donorIds = new[] { donor }, administrationIds = new[] { burkina } });
        module = await CreateAsync("/api/v1/modules", new { code = UniqueCode("LOCK-M"), titleEn = "Module", titleFr = "Module", hours = 4, keyFactorCodes = new[] { "RAD-07" } });
        trainer = await CreateAsync("/api/v1/trainers", new { fullName = "Lock Trainer", kind = "wco_expert" });
        workshop = await CreateAsync("/api/v1/workshops", Workshop("2023-11-29", "2023-12-01"));
        session = await CreateAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = module, heldOn = "2023-11-29", trainerIds = new[] { trainer } });
        participant = await CreateAsync($"/api/v1/workshops/{workshop}/participants",
            new { familyName = "Ouédraogo", givenNames = "Aminata", sex = "female", administrationId = burkina, service = "operational" });

        var plan = await CreateAsync("/api/v1/action-plans", new { programmeId = programme, administrationId = burkina, title = "Plan", startsOn = "2023-01-01", endsOn = "2025-12-31" });
        Assert.That((await PutOrPostAsync(HttpMethod.Post, $"/api/v1/action-plans/{plan}/adopt", new { adoptedOn = "2023-02-01" }, "\"1\"")).IsSuccessStatusCode, Is.True);
        var objective = await CreateAsync($"/api/v1/action-plans/{plan}/objectives", new { title = "Objective", keyFactorCodes = new[] { "RAD-07" }, outcomeIndicator = "Code adopted", target = "Adopted" });
        action = await CreateAsync($"/api/v1/action-plans/{plan}/actions", new { objectiveId = objective, title = "Draft a code", leadUnit = "HR", owner = "Head of HR", startsOn = "2023-03-01", dueOn = "2024-06-30" });

        period = await CreateAsync($"/api/v1/programmes/{programme}/periods", new { label = "2023", startsOn = "2023-01-01", endsOn = "2023-12-31" });
        var submitted = await Client.PostAsync($"/api/v1/programmes/{programme}/periods/{period}/administrations/{burkina}/submit", null);
        Assert.That(submitted.IsSuccessStatusCode, Is.True, await submitted.Content.ReadAsStringAsync());
    }

    private object Workshop(string startsOn, string endsOn) => new
    {
        programmeId = programme, kind = "workshop", title = "Locked workshop", startsOn, endsOn,
        hostAdministrationId = burkina, city = "Ouagadougou", language = "fr", status = "held",
    };

    private Task<HttpResponseMessage> PutOrPostAsync(HttpMethod method, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> AttendanceAsync(string status) =>
        PutOrPostAsync(HttpMethod.Put, $"/api/v1/workshops/{workshop}/sessions/{session}/attendance", new { entries = new[] { new { participantId = participant, status } } });

    [Test, Order(1)]
    public async Task Nothing_the_submitted_period_covers_can_change()
    {
        var locked = await ProblemAsync(await AttendanceAsync("present"), 409);
        Assert.That(locked.GetProperty("detail").GetString(), Does.Contain("2023").And.Contain("submitted"));
        await ProblemAsync(await PutAsync($"/api/v1/workshops/{workshop}", Workshop("2023-11-29", "2023-12-01"), "\"1\""), 409);
        await ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = module, heldOn = "2023-11-30", trainerIds = new[] { trainer } }), 409);
        await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/workshops", Workshop("2023-06-01", "2023-06-02")), 409);
        await ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/actions/{action}/updates", new { reportedOn = "2023-09-01", status = "in_progress", percentDone = 30 }), 409);
    }

    [Test, Order(2)]
    public async Task Records_outside_the_period_stay_open()
    {
        Assert.That((await Client.PostAsJsonAsync("/api/v1/workshops", Workshop("2024-03-04", "2024-03-05"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var update = await Client.PostAsJsonAsync($"/api/v1/actions/{action}/updates", new { reportedOn = "2024-01-15", status = "in_progress", percentDone = 40 });
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.Created), await update.Content.ReadAsStringAsync());
    }

    [Test, Order(3)]
    public async Task A_returned_report_opens_the_period_again()
    {
        var returned = await Client.PostAsJsonAsync($"/api/v1/programmes/{programme}/periods/{period}/administrations/{burkina}/return",
            new { comment = "Attendance of day one is missing." });
        Assert.That(returned.IsSuccessStatusCode, Is.True, await returned.Content.ReadAsStringAsync());
        Assert.That((await AttendanceAsync("present")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}

/// <summary>A command about a workshop (or placing one) cannot forget to say where it stands, or the lock would not see it.</summary>
public sealed class ReportingPeriodPlacesTests
{
    [Test]
    public void Every_command_about_a_workshop_declares_its_place()
    {
        var types = typeof(Integrity.Api.Pipeline.IReportingPeriodPlaces<>).Assembly.GetTypes();
        var declared = types
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(Integrity.Api.Pipeline.IReportingPeriodPlaces<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .ToHashSet();
        var workshopCommands = types.Where(type => type is { IsClass: true, IsAbstract: false }
            && (typeof(Integrity.Api.Features.Workshops.IWorkshopCommand).IsAssignableFrom(type)
                || typeof(Integrity.Api.Features.Workshops.IWorkshopFields).IsAssignableFrom(type))).ToList();
        Assert.That(workshopCommands, Has.Count.GreaterThanOrEqualTo(8), "the commands found");
        Assert.That(workshopCommands.Where(command => !declared.Contains(command)).Select(command => command.Name), Is.Empty);
    }
}
