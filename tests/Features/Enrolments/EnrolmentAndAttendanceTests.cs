using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Enrolment, results and attendance. The world (see <see cref="TrainingRecordsWorld"/>): workshop W, held in
/// Ouagadougou and delivered by the trainer T who signs in, and workshop W2 that T does not deliver.
/// </summary>
public sealed class EnrolmentAndAttendanceTests(string provider) : TrainingRecordsWorld(provider)
{
    private Guid workshop;
    private Guid firstDay;
    private Guid secondDay;
    private Guid otherWorkshop;
    private Guid otherSession;

    [OneTimeSetUp]
    public async Task PlanTheWorkshops()
    {
        workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        firstDay = await SessionAsync(workshop, "2023-11-29", TrainerT);
        secondDay = await SessionAsync(workshop, "2023-11-30", TrainerT);
        otherWorkshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        otherSession = await SessionAsync(otherWorkshop, "2023-11-29", OtherTrainer);
    }

    private static string Attendance(Guid workshopId, Guid sessionId) => $"/api/v1/workshops/{workshopId}/sessions/{sessionId}/attendance";

    private static Task<HttpResponseMessage> TakeAsync(HttpClient client, Guid workshopId, Guid sessionId, params (Guid participantId, string status)[] entries) =>
        client.PutAsJsonAsync(Attendance(workshopId, sessionId), new { entries = entries.Select(entry => new { entry.participantId, entry.status }) });

    private static Dictionary<Guid, string?> AttendanceOf(JsonElement enrolment) =>
        enrolment.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("sessionId").GetGuid(), a => a.GetProperty("status").GetString());

    private async Task<Dictionary<Guid, JsonElement>> EnrolmentsAsync(Guid workshopId, HttpClient? client = null)
    {
        var response = await (client ?? Client).GetAsync($"{Participants(workshopId)}?limit=200");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("participantId").GetGuid());
    }

    [Test]
    public async Task Someone_registered_and_a_new_person_are_enrolled_and_listed_by_name_with_scores_and_attendance()
    {
        var marker = NewMarker();
        var registered = await RegisterAsync(Person("Zongo", $"Issa {marker}", AdministrationA));
        Assert.That((await EnrolAsync(workshop, new { participantId = registered })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var response = await EnrolAsync(workshop, Person("Ouédraogo", $"Aminata {marker}", AdministrationA, sex: "female", email: $"aminata.{marker}@douanes.bf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Participants(workshop)}/{created}"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""), "the enrolment's first version");
        });
        Assert.That((await GetJsonAsync($"/api/v1/participants/{created}")).GetProperty("familyName").GetString(), Is.EqualTo("Ouédraogo"),
            "the new person is in the registry");

        Assert.That((await TakeAsync(Client, workshop, firstDay, (created, "present"), (registered, "late"))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var ours = (await AllPagesAsync($"{Participants(workshop)}", 1)).Where(e => e.GetProperty("givenNames").GetString()!.Contains(marker)).ToList();
        Assert.That(ours.Select(e => e.GetProperty("participantId").GetGuid()), Is.EqualTo(new[] { created, registered }),
            "by normalised name: 'aminata … ouedraogo' before 'issa … zongo', one page at a time");
        var aminata = ours[0];
        Assert.Multiple(() =>
        {
            Assert.That(aminata.GetProperty("sex").GetString(), Is.EqualTo("female"));
            Assert.That(aminata.GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationA));
            Assert.That(aminata.GetProperty("completed").GetBoolean(), Is.False);
            Assert.That(aminata.GetProperty("preTestScore").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(aminata.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(AttendanceOf(aminata), Is.EqualTo(new Dictionary<Guid, string?> { [firstDay] = "present" }));
            Assert.That(AttendanceOf(ours[1]), Is.EqualTo(new Dictionary<Guid, string?> { [firstDay] = "late" }));
        });
        var one = await Client.GetAsync($"{Participants(workshop)}/{created}");
        Assert.That(one.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        Assert.That(AttendanceOf(await one.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo(AttendanceOf(aminata)));
        Assert.That((await GetJsonAsync($"/api/v1/participants/{created}")).GetProperty("workshops")[0].GetProperty("workshopId").GetGuid(),
            Is.EqualTo(workshop), "the registry shows the workshop attended");
    }

    [Test]
    public async Task Enrolling_twice_by_an_unknown_id_by_id_and_fields_or_in_a_cancelled_workshop_is_refused_and_stores_nothing()
    {
        var marker = NewMarker();
        var person = await RegisterAsync(Person("Sawadogo", $"Rasmata {marker}", AdministrationA));
        Assert.That((await EnrolAsync(workshop, new { participantId = person })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var twice = await ProblemAsync(await EnrolAsync(workshop, new { participantId = person }), 409);
        Assert.That(twice.GetProperty("detail").GetString(), Does.Contain("already enrolled"));
        var unknown = Guid.CreateVersion7();
        var notFound = await ProblemAsync(await EnrolAsync(workshop, new { participantId = unknown }), 400);
        Assert.That(notFound.GetProperty("errors").GetProperty("participantId")[0].GetString(), Does.Contain(unknown.ToString()));
        var both = await ProblemAsync(await EnrolAsync(workshop, new { participantId = person, familyName = "Sawadogo" }), 400);
        Assert.That(ErrorFields(both), Is.EqualTo(new[] { "participantId" }));
        var incomplete = await ProblemAsync(await EnrolAsync(workshop, new { familyName = "Sawadogo" }), 400);
        Assert.That(ErrorFields(incomplete), Is.EquivalentTo(new[] { "givenNames", "sex", "administrationId", "service" }));

        var cancelled = await WorkshopAsync("2024-03-12", "2024-03-16", "cancelled");
        var refused = await ProblemAsync(await EnrolAsync(cancelled, new { participantId = person }), 409);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("cancelled"));
        await ProblemAsync(await EnrolAsync(Guid.CreateVersion7(), new { participantId = person }), 404);

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE participant_id = @id", person), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", cancelled), Is.Zero);
        });
    }

    [Test]
    public async Task Enrolling_a_likely_duplicate_answers_the_candidates_unless_a_new_person_is_confirmed()
    {
        var marker = NewMarker();
        var staffNumber = $"BF-{marker}".ToUpperInvariant();
        var existing = await RegisterAsync(Person("Kaboré", $"Paul {marker}", AdministrationA, staffNumber: staffNumber));
        var newcomer = Person("Kabore", $"Pascal {marker}", AdministrationA, staffNumber: staffNumber.ToLowerInvariant());

        var problem = await ProblemAsync(await EnrolAsync(workshop, newcomer), 409);
        var candidates = problem.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(candidates.Select(c => c.GetProperty("id").GetGuid()), Is.EqualTo(new[] { existing }));
            Assert.That(candidates[0].GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "staff_number" }));
        });
        Assert.That(await CountAsync("SELECT count(*) FROM participants WHERE staff_number = @id", staffNumber), Is.EqualTo(1), "nobody was registered");

        var confirmed = await EnrolAsync(workshop, Merge(newcomer, new { confirmNewPerson = true }));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await confirmed.Content.ReadAsStringAsync());
        var id = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That(id, Is.Not.EqualTo(existing));
        Assert.That((await EnrolmentsAsync(workshop)).ContainsKey(id), Is.True);
    }

    [Test]
    public async Task Results_need_the_enrolments_version_and_scores_from_0_to_100_with_two_decimals()
    {
        var person = await RegisterAsync(Person("Traoré", $"Mariam {NewMarker()}", AdministrationA));
        await EnrolAsync(workshop, new { participantId = person });
        var path = $"{Participants(workshop)}/{person}";

        await ProblemAsync(await PutAsync(path, new { preTestScore = 40, postTestScore = 80, completed = true }, ifMatch: null), 428);
        var invalid = await ProblemAsync(await PutAsync(path, new { preTestScore = 100.5m, postTestScore = 12.345m }, "\"1\""), 400);
        Assert.That(ErrorFields(invalid), Is.EquivalentTo(new[] { "preTestScore", "postTestScore", "completed" }));
        await ProblemAsync(await PutAsync(path, new { preTestScore = -1, completed = true }, "\"1\""), 400);

        var recorded = await PutAsync(path, new { preTestScore = 45.5m, postTestScore = 82.25m, completed = true }, "\"1\"");
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await recorded.Content.ReadAsStringAsync());
        Assert.That(recorded.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var stale = await ProblemAsync(await PutAsync(path, new { preTestScore = 10, postTestScore = 20, completed = false }, "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));

        var enrolment = (await EnrolmentsAsync(workshop))[person];
        Assert.Multiple(() =>
        {
            Assert.That(enrolment.GetProperty("preTestScore").GetDecimal(), Is.EqualTo(45.5m));
            Assert.That(enrolment.GetProperty("postTestScore").GetDecimal(), Is.EqualTo(82.25m));
            Assert.That(enrolment.GetProperty("completed").GetBoolean(), Is.True);
            Assert.That(enrolment.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
        await ProblemAsync(await PutAsync($"{Participants(workshop)}/{Guid.CreateVersion7()}", new { completed = true }, "\"1\""), 404);
        await ProblemAsync(await PutAsync($"{Participants(otherWorkshop)}/{person}", new { completed = true }, "\"1\""), 404);
    }

    [Test]
    public async Task Attendance_sets_the_status_of_those_sent_and_leaves_the_others()
    {
        var marker = NewMarker();
        var people = new List<Guid>();
        foreach (var given in new[] { "Awa", "Boubacar", "Clarisse" })
        {
            people.Add(await RegisterAsync(Person("Diallo", $"{given} {marker}", AdministrationA)));
            await EnrolAsync(workshop, new { participantId = people[^1] });
        }

        Assert.That((await TakeAsync(Client, workshop, secondDay, (people[0], "present"), (people[1], "absent"))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var again = await TakeAsync(Client, workshop, secondDay, (people[1], "late"), (people[2], "excused"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await again.Content.ReadAsStringAsync());

        var enrolments = await EnrolmentsAsync(workshop);
        Assert.Multiple(() =>
        {
            Assert.That(AttendanceOf(enrolments[people[0]])[secondDay], Is.EqualTo("present"), "not sent the second time: left alone");
            Assert.That(AttendanceOf(enrolments[people[1]])[secondDay], Is.EqualTo("late"), "replaced");
            Assert.That(AttendanceOf(enrolments[people[2]])[secondDay], Is.EqualTo("excused"));
        });
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE session_id = @id", secondDay), Is.GreaterThanOrEqualTo(3));
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE participant_id = @id", people[1]), Is.EqualTo(1), "one row per session");
    }

    [Test]
    public async Task Each_bad_attendance_entry_gets_a_field_error_by_its_index_and_nothing_is_taken()
    {
        var marker = NewMarker();
        var enrolled = await RegisterAsync(Person("Compaoré", $"Fatim {marker}", AdministrationA));
        await EnrolAsync(workshop, new { participantId = enrolled });
        var notEnrolled = await RegisterAsync(Person("Compaoré", $"Blaise {marker}", AdministrationA));

        var response = await Client.PutAsJsonAsync(Attendance(workshop, firstDay), new
        {
            entries = new object[]
            {
                new { participantId = enrolled, status = "present" },
                new { participantId = notEnrolled, status = "present" },
                new { participantId = enrolled, status = "late" },
                new { status = "absent" },
            },
        });
        var problem = await ProblemAsync(response, 400);
        Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "entries[3].participantId" }), "missing values first");

        problem = await ProblemAsync(await TakeAsync(Client, workshop, firstDay, (enrolled, "present"), (notEnrolled, "present"), (enrolled, "late")), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "entries[1].participantId", "entries[2].participantId" }));
            Assert.That(errors.GetProperty("entries[1].participantId")[0].GetString(), Does.Contain("not enrolled"));
            Assert.That(errors.GetProperty("entries[2].participantId")[0].GetString(), Does.Contain("twice"));
        });
        await ProblemAsync(await TakeAsync(Client, workshop, firstDay), 400);
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE participant_id = @id", enrolled), Is.Zero, "nothing was taken");
    }

    [Test]
    public async Task A_cancelled_workshop_takes_no_attendance_and_a_planned_one_not_before_the_sessions_day()
    {
        var person = await RegisterAsync(Person("Keïta", $"Moussa {NewMarker()}", AdministrationA));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var toBeCancelled = await WorkshopAsync("2024-03-12", "2024-03-16", "planned");
        var cancelledSession = await SessionAsync(toBeCancelled, "2024-03-12", TrainerT);
        await EnrolAsync(toBeCancelled, new { participantId = person });
        await CancelAsync(toBeCancelled);
        var cancelled = await ProblemAsync(await TakeAsync(Client, toBeCancelled, cancelledSession, (person, "present")), 409);
        Assert.That(cancelled.GetProperty("detail").GetString(), Does.Contain("cancelled"));

        var future = today.AddDays(30).ToString("yyyy-MM-dd");
        var planned = await WorkshopAsync(future, future, "planned");
        var tomorrowsSession = await SessionAsync(planned, future, TrainerT);
        await EnrolAsync(planned, new { participantId = person });
        var early = await ProblemAsync(await TakeAsync(Client, planned, tomorrowsSession, (person, "present")), 409);
        Assert.That(early.GetProperty("detail").GetString(), Does.Contain(future));

        var past = today.AddDays(-1).ToString("yyyy-MM-dd");
        var plannedYesterday = await WorkshopAsync(past, today.ToString("yyyy-MM-dd"), "planned");
        var yesterdaysSession = await SessionAsync(plannedYesterday, past, TrainerT);
        await EnrolAsync(plannedYesterday, new { participantId = person });
        Assert.That((await TakeAsync(Client, plannedYesterday, yesterdaysSession, (person, "present"))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent),
            "a planned workshop takes attendance from the session's day on");

        await ProblemAsync(await TakeAsync(Client, workshop, otherSession, (person, "present")), 404);
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE participant_id = @id", person), Is.EqualTo(1));
    }

    [Test]
    public async Task A_trainer_sees_and_runs_the_participants_of_the_workshops_they_deliver_and_no_others()
    {
        var marker = NewMarker();
        var theirs = await RegisterAsync(Person("Ouattara", $"Salif {marker}", AdministrationA));
        await EnrolAsync(workshop, new { participantId = theirs });
        var others = await RegisterAsync(Person("Ouattara", $"Nafi {marker}", AdministrationA));
        await EnrolAsync(otherWorkshop, new { participantId = others });

        Assert.Multiple(async () =>
        {
            Assert.That((await EnrolmentsAsync(workshop, Trainer)).ContainsKey(theirs), Is.True);
            Assert.That((await Trainer.GetAsync(Participants(otherWorkshop))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await Trainer.GetAsync($"{Participants(otherWorkshop)}/{others}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await Trainer.GetAsync($"/api/v1/participants/{theirs}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Trainer.GetAsync($"/api/v1/participants/{others}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
        var listed = await Trainer.GetFromJsonAsync<JsonElement>($"/api/v1/participants?q={marker}");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()), Is.EqualTo(new[] { theirs }));

        Assert.That((await TakeAsync(Trainer, workshop, firstDay, (theirs, "present"))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAsync(await TakeAsync(Trainer, otherWorkshop, otherSession, (others, "present")), 404);
        var newcomer = await Trainer.PostAsJsonAsync(Participants(workshop), Person("Ouattara", $"Adama {marker}", AdministrationB));
        Assert.That(newcomer.StatusCode, Is.EqualTo(HttpStatusCode.Created), await newcomer.Content.ReadAsStringAsync());
        await ProblemAsync(await Trainer.PostAsJsonAsync(Participants(otherWorkshop), new { participantId = theirs }), 404);
        using var results = new HttpRequestMessage(HttpMethod.Put, $"{Participants(otherWorkshop)}/{others}") { Content = JsonContent.Create(new { completed = true }) };
        results.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await ProblemAsync(await Trainer.SendAsync(results), 404);
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE participant_id = @id", others), Is.Zero);
    }

    [Test]
    public async Task A_donor_is_refused_every_enrolment_and_attendance_operation()
    {
        var person = await RegisterAsync(Person("Zerbo", $"Lucie {NewMarker()}", AdministrationA));
        await EnrolAsync(workshop, new { participantId = person });
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => Donor.GetAsync(Participants(workshop)),
            () => Donor.GetAsync($"{Participants(workshop)}/{person}"),
            () => Donor.PostAsJsonAsync(Participants(workshop), new { participantId = person }),
            () => Donor.PutAsJsonAsync($"{Participants(workshop)}/{person}", new { completed = true }),
            () => Donor.PutAsJsonAsync(Attendance(workshop, firstDay), new { entries = new[] { new { participantId = person, status = "present" } } }),
            () => Donor.PostAsync($"{Participants(workshop)}/import", new StringContent("nom;prenoms\nA;B", System.Text.Encoding.UTF8, "text/csv")),
        };
        foreach (var call in calls) await ProblemAsync(await call(), 403);
        Assert.That(await CountAsync("SELECT count(*) FROM attendance WHERE participant_id = @id", person), Is.Zero);
    }
}
