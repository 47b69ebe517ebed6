using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Indicators computed from the records, checked against counts this test makes itself from what it recorded through
/// the API. The world (besides <see cref="TrainingRecordsWorld"/>'): periods 2021, 2022-H1 and 2022-H2; a training of
/// trainers and workshops held, planned and cancelled, some spanning two periods or outside every period; officials of
/// every sex at them, present, late, excused or absent; national trainers trained and accredited; action plans adopted,
/// in draft or of another time, with actions done on time, late, not done or cancelled.
/// </summary>
public sealed class ComputedIndicatorsTests(string provider) : TrainingRecordsWorld(provider)
{
    private readonly List<PeriodDays> periods = [];
    private readonly Dictionary<Guid, WorkshopFact> workshops = [];
    private readonly Dictionary<Guid, SessionFact> sessions = [];
    private readonly List<AttendanceFact> attendance = [];
    private readonly List<TrainerFact> trainers = [];
    private readonly List<PlanFact> plans = [];
    private readonly Dictionary<string, Guid> indicators = [];
    private Guid moduleTwo;
    private Guid administrationC;
    private Guid trainingOfTrainers;

    private sealed record PeriodDays(Guid Id, string Label, DateOnly StartsOn, DateOnly EndsOn)
    {
        public bool Holds(DateOnly day) => day >= StartsOn && day <= EndsOn;
    }

    private sealed record Official(Guid Id, string Sex, Guid AdministrationId);
    private sealed record WorkshopFact(Guid Id, string Kind, Guid HostId, DateOnly EndsOn)
    {
        public string Status { get; set; } = "";
    }
    private sealed record SessionFact(Guid Id, Guid WorkshopId, DateOnly HeldOn, Guid ModuleId, decimal Hours, Guid[] TrainerIds);
    private sealed record AttendanceFact(Official Person, Guid SessionId, string Status);
    private sealed record TrainerFact(Guid Id, string Kind, Guid AdministrationId, List<(Guid ModuleId, string Stage, DateOnly? AccreditedOn, Guid? TrainedAt)> Accreditations);
    private sealed record PlanFact(Guid Id, Guid AdministrationId, DateOnly StartsOn, DateOnly EndsOn, DateOnly? AdoptedOn, List<ActionFact> Actions);
    private sealed record ActionFact(DateOnly DueOn, List<(DateOnly ReportedOn, string Status)> Updates)
    {
        public string Current => Updates.Count == 0 ? "not_started" : Updates.OrderBy(update => update.ReportedOn).Last().Status;
    }

    [OneTimeSetUp]
    public async Task RecordTheWorld()
    {
        periods.Add(await PeriodAsync("2021", new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));
        periods.Add(await PeriodAsync("2022-H1", new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 30)));
        periods.Add(await PeriodAsync("2022-H2", new DateOnly(2022, 7, 1), new DateOnly(2022, 12, 31)));
        moduleTwo = await CreateAsync("/api/v1/modules", new { code = UniqueCode("HRM"), titleEn = "Human resource management", titleFr = "Gestion des ressources humaines", hours = 7.5, keyFactorCodes = new[] { "RAD-08" } });
        administrationC = await AdministrationAsync("SN", "Senegal Customs");
        foreach (var (rule, measure, by) in new[]
                 {
                     ("officials_trained", "unit", new[] { "sex", "administration" }), ("participant_hours", "unit", ["sex", "administration"]),
                     ("workshops_held", "unit", ["administration"]), ("accredited_national_trainers", "unit", ["administration"]),
                     ("cascade_sessions", "unit", ["administration"]), ("administrations_with_adopted_plan", "unit", ["administration"]),
                     ("actions_done_on_time_percent", "percentage", ["administration"]),
                 })
            indicators[rule] = await CreateAsync(ResultsApi.Indicators(Programme), ResultsApi.Indicator(rule, measure, by, rule));

        await RecordTrainingAsync();
        await RecordPlansAsync();
    }

    private async Task<PeriodDays> PeriodAsync(string label, DateOnly startsOn, DateOnly endsOn) =>
        new(await CreateAsync(ResultsApi.Periods(Programme), new { label, startsOn, endsOn }), label, startsOn, endsOn);

    private async Task RecordTrainingAsync()
    {
        var f1 = await PersonAsync("female", AdministrationA);
        var m1 = await PersonAsync("male", AdministrationA);
        var f2 = await PersonAsync("female", AdministrationB);
        var n1 = await PersonAsync("not_recorded", AdministrationB);
        var m2 = await PersonAsync("male", AdministrationB);
        var f3 = await PersonAsync("female", AdministrationA);
        var m3 = await PersonAsync("male", AdministrationA);
        var n2 = await PersonAsync("not_recorded", AdministrationA);

        var nt1 = await NationalTrainerAsync(AdministrationA);
        var nt2 = await NationalTrainerAsync(AdministrationB);
        var nt3 = await NationalTrainerAsync(AdministrationA);
        var nt4 = await NationalTrainerAsync(administrationC);

        trainingOfTrainers = await WorkshopOfKindAsync("training_of_trainers", "2021-02-01", "2021-02-03", "held", AdministrationA);
        await PlannedSessionAsync(trainingOfTrainers, "2021-02-01", Module, TrainerT);
        await AccreditAsync(nt1, Module, "accredited", trainedAt: trainingOfTrainers, accreditedOn: "2021-06-01");
        await AccreditAsync(nt1, moduleTwo, "accredited", accreditedOn: "2021-09-01");
        await AccreditAsync(nt2, Module, "trained", trainedAt: trainingOfTrainers);
        await AccreditAsync(nt2, moduleTwo, "accredited", accreditedOn: "2022-03-15");
        await AccreditAsync(nt3, Module, "supervised_delivery", trainedAt: trainingOfTrainers);
        await AccreditAsync(nt4, Module, "accredited", accreditedOn: "2021-06-01");
        await AccreditAsync(TrainerT, moduleTwo, "accredited", accreditedOn: "2021-06-01");

        var w1 = await WorkshopOfKindAsync("workshop", "2021-03-10", "2021-03-12", "held", AdministrationA);
        await AttendAsync(await PlannedSessionAsync(w1, "2021-03-10", Module, nt1), (f1, "present"), (m1, "late"), (f2, "absent"), (n2, "excused"));
        await AttendAsync(await PlannedSessionAsync(w1, "2021-03-11", moduleTwo, TrainerT), (f1, "present"), (m1, "absent"), (f2, "absent"));

        var w2 = await WorkshopOfKindAsync("capacity_building_mission", "2021-11-29", "2021-12-01", "held", AdministrationB);
        await AttendAsync(await PlannedSessionAsync(w2, "2021-11-29", Module, TrainerT), (f1, "present"), (n1, "present"), (f2, "excused"));
        await AttendAsync(await PlannedSessionAsync(w2, "2021-12-01", moduleTwo, nt1), (n1, "present"));

        var w3 = await WorkshopOfKindAsync("workshop", "2021-12-30", "2022-01-02", "held", AdministrationA);
        await AttendAsync(await PlannedSessionAsync(w3, "2021-12-31", Module, TrainerT), (m3, "present"), (f1, "absent"));
        await AttendAsync(await PlannedSessionAsync(w3, "2022-01-02", Module, nt1, nt2), (f3, "present"), (f1, "present"));

        var planned = await WorkshopOfKindAsync("workshop", "2021-05-03", "2021-05-04", "planned", AdministrationA);
        await AttendAsync(await PlannedSessionAsync(planned, "2021-05-03", Module, nt1), (m2, "present"));

        var cancelled = await WorkshopOfKindAsync("workshop", "2021-06-07", "2021-06-07", "planned", AdministrationB);
        await AttendAsync(await PlannedSessionAsync(cancelled, "2021-06-07", Module, TrainerT), (m2, "present"), (f2, "present"));
        await CancelAsync(cancelled);
        workshops[cancelled].Status = "cancelled";

        var later = await WorkshopOfKindAsync("workshop", "2023-03-01", "2023-03-01", "held", AdministrationA);
        await AttendAsync(await PlannedSessionAsync(later, "2023-03-01", Module, nt2), (f1, "present"));

        var w7 = await WorkshopOfKindAsync("webinar", "2022-09-05", "2022-09-06", "held", AdministrationB);
        await AttendAsync(await PlannedSessionAsync(w7, "2022-09-05", moduleTwo, TrainerT), (n1, "late"), (m3, "present"));
    }

    private async Task<Official> PersonAsync(string sex, Guid administrationId) =>
        new(await RegisterAsync(Person("Ouédraogo", $"Official {NewMarker()}", administrationId, sex)), sex, administrationId);

    private async Task<Guid> NationalTrainerAsync(Guid administrationId)
    {
        var id = await CreateAsync("/api/v1/trainers", new { fullName = $"National trainer {NewMarker()}", kind = "national_trainer", administrationId });
        trainers.Add(new TrainerFact(id, "national_trainer", administrationId, []));
        return id;
    }

    private async Task<Guid> WorkshopOfKindAsync(string kind, string startsOn, string endsOn, string status, Guid hostId)
    {
        var id = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = Programme, kind, title = $"{kind} of {startsOn}", startsOn, endsOn, hostAdministrationId = hostId, city = "Ouagadougou", language = "fr", status,
        });
        workshops[id] = new WorkshopFact(id, kind, hostId, DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture)) { Status = status };
        return id;
    }

    private async Task<Guid> PlannedSessionAsync(Guid workshopId, string heldOn, Guid moduleId, params Guid[] trainerIds)
    {
        var id = await CreateAsync($"/api/v1/workshops/{workshopId}/sessions", new { moduleId, heldOn, trainerIds });
        sessions[id] = new SessionFact(id, workshopId, DateOnly.Parse(heldOn, System.Globalization.CultureInfo.InvariantCulture), moduleId,
            moduleId == Module ? 6m : 7.5m, trainerIds);
        return id;
    }

    private async Task AttendAsync(Guid sessionId, params (Official Person, string Status)[] entries)
    {
        var workshopId = sessions[sessionId].WorkshopId;
        foreach (var (person, _) in entries)
            if (!attendance.Any(fact => fact.Person == person && sessions[fact.SessionId].WorkshopId == workshopId))
                Assert.That((await EnrolAsync(workshopId, new { participantId = person.Id })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var response = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshopId}/sessions/{sessionId}/attendance",
            new { entries = entries.Select(entry => new { participantId = entry.Person.Id, status = entry.Status }) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        attendance.AddRange(entries.Select(entry => new AttendanceFact(entry.Person, sessionId, entry.Status)));
    }

    /// <summary>Every stage up to the one given, a month apart, the last on <paramref name="accreditedOn"/> when accredited.</summary>
    private async Task AccreditAsync(Guid trainerId, Guid moduleId, string stage, Guid? trainedAt = null, string? accreditedOn = null)
    {
        var body = stage switch
        {
            "trained" => (object)new { stage, candidateSince = "2021-01-15", trainedOn = "2021-02-03", trainedAtWorkshopId = trainedAt },
            "supervised_delivery" => new { stage, candidateSince = "2021-01-15", trainedOn = "2021-02-03", supervisedDeliveryOn = "2021-04-01", trainedAtWorkshopId = trainedAt },
            _ => new { stage, candidateSince = "2020-01-15", trainedOn = "2021-02-03", supervisedDeliveryOn = "2021-04-01", accreditedOn, trainedAtWorkshopId = trainedAt },
        };
        var response = await PutAsync($"/api/v1/trainers/{trainerId}/accreditations/{moduleId}", body, ifMatch: null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var trainer = trainers.SingleOrDefault(fact => fact.Id == trainerId) ?? new TrainerFact(trainerId, "wco_expert", Guid.Empty, []);
        if (!trainers.Contains(trainer)) trainers.Add(trainer);
        trainer.Accreditations.Add((moduleId, stage, accreditedOn is null ? null : DateOnly.Parse(accreditedOn, System.Globalization.CultureInfo.InvariantCulture), trainedAt));
    }

    private async Task RecordPlansAsync()
    {
        var a = await PlanAsync(AdministrationA, "2021-01-01", "2023-12-31", adoptedOn: "2021-04-01",
            ("2021-06-30", [("2021-06-15", "done")]),
            ("2021-09-30", [("2021-10-10", "done")]),
            ("2021-12-31", [("2021-05-01", "in_progress")]),
            ("2021-11-30", [("2021-08-01", "cancelled")]),
            ("2022-03-31", [("2022-03-31", "done")]),
            ("2022-05-31", [("2022-05-01", "done"), ("2022-06-10", "in_progress")]));
        await PlanAsync(AdministrationB, "2022-01-01", "2024-12-31", adoptedOn: "2022-08-01",
            ("2022-10-31", [("2022-10-01", "done")]),
            ("2022-12-31", [("2022-11-15", "delayed")]));
        await PlanAsync(AdministrationB, "2018-01-01", "2020-12-31", adoptedOn: "2018-03-01", ("2019-06-30", [("2019-06-01", "done")]));
        await PlanAsync(AdministrationB, "2021-01-01", "2021-12-31", adoptedOn: null, ("2021-07-31", []));
        Assert.That(a, Is.Not.EqualTo(Guid.Empty));
    }

    private async Task<Guid> PlanAsync(Guid administrationId, string startsOn, string endsOn, string? adoptedOn,
        params (string DueOn, (string ReportedOn, string Status)[] Updates)[] actions)
    {
        var plan = await CreateAsync("/api/v1/action-plans", new { programmeId = Programme, administrationId, title = $"Integrity action plan {startsOn}", startsOn, endsOn });
        var objective = await CreateAsync($"/api/v1/action-plans/{plan}/objectives", new
        {
            title = "Strengthen the code of conduct", keyFactorCodes = new[] { "RAD-07" }, outcomeIndicator = "Staff who signed the code", target = "100 %",
        });
        var fact = new PlanFact(plan, administrationId, DateOnly.Parse(startsOn, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture),
            adoptedOn is null ? null : DateOnly.Parse(adoptedOn, System.Globalization.CultureInfo.InvariantCulture), []);
        if (adoptedOn is not null)
        {
            var version = (await Client.GetAsync($"/api/v1/action-plans/{plan}")).Headers.ETag!.Tag;
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/action-plans/{plan}/adopt") { Content = JsonContent.Create(new { adoptedOn }) };
            request.Headers.TryAddWithoutValidation("If-Match", version);
            var adopted = await Client.SendAsync(request);
            Assert.That(adopted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await adopted.Content.ReadAsStringAsync());
        }
        foreach (var (dueOn, updates) in actions)
        {
            var action = await CreateAsync($"/api/v1/action-plans/{plan}/actions", new
            {
                objectiveId = objective, title = $"Action due {dueOn}", leadUnit = "Inspection générale des services", owner = "Head of HR", startsOn, dueOn,
            });
            foreach (var (reportedOn, status) in updates)
                await CreateAsync($"/api/v1/actions/{action}/updates", new { reportedOn, status, percentDone = status == "done" ? 100 : status == "in_progress" ? 50 : 0 });
            fact.Actions.Add(new ActionFact(DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture),
                updates.Select(update => (DateOnly.Parse(update.ReportedOn, System.Globalization.CultureInfo.InvariantCulture), update.Status)).ToList()));
        }
        plans.Add(fact);
        return plan;
    }

    /// <summary>The computed indicator's values, by period label.</summary>
    private async Task<Dictionary<string, JsonElement>> ValuesAsync(string rule) =>
        (await GetJsonAsync(ResultsApi.Values(Programme, indicators[rule]))).GetProperty("items").EnumerateArray()
        .ToDictionary(period => period.GetProperty("label").GetString()!);

    private static decimal? Bucket(JsonElement period, string? sex = null, Guid? administrationId = null) =>
        Number(period.GetProperty("disaggregations").EnumerateArray().Single(row =>
            row.GetProperty("sex").ValueKind == (sex is null ? JsonValueKind.Null : JsonValueKind.String) && (sex is null || row.GetProperty("sex").GetString() == sex)
            && (administrationId is null ? row.GetProperty("administrationId").ValueKind == JsonValueKind.Null : row.GetProperty("administrationId").GetString() == administrationId.ToString())),
            "actual");

    private static decimal? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    private static readonly string[] Sexes = ["female", "male", "not_recorded"];

    /// <summary>Attendance that counts in a period: present or late, at a session held in it, of a held workshop.</summary>
    private IEnumerable<AttendanceFact> Attended(PeriodDays period) => attendance.Where(fact =>
        fact.Status is "present" or "late" && workshops[sessions[fact.SessionId].WorkshopId].Status == "held" && period.Holds(sessions[fact.SessionId].HeldOn));

    [Test]
    public async Task Officials_trained_count_each_person_once_per_period_by_sex_and_administration()
    {
        var values = await ValuesAsync("officials_trained");
        Assert.That(values.Keys, Is.EqualTo(periods.Select(period => period.Label)));
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var attended = Attended(period).ToList();
                var counted = values[period.Label];
                Assert.That(counted.GetProperty("actual").GetDecimal(), Is.EqualTo(attended.Select(fact => fact.Person).Distinct().Count()), period.Label);
                foreach (var sex in Sexes)
                    Assert.That(Bucket(counted, sex), Is.EqualTo(attended.Where(fact => fact.Person.Sex == sex).Select(fact => fact.Person).Distinct().Count()),
                        $"{period.Label} {sex}");
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(counted, administrationId: administration),
                        Is.EqualTo(attended.Where(fact => fact.Person.AdministrationId == administration).Select(fact => fact.Person).Distinct().Count()),
                        $"{period.Label} {administration}");
                Assert.That(Sexes.Sum(sex => Bucket(counted, sex)), Is.EqualTo(Number(counted, "actual")), $"{period.Label}: the sex buckets add up to the total");
            }
        });

        var year = values["2021"];
        Assert.Multiple(() =>
        {
            Assert.That(year.GetProperty("actual").GetDecimal(), Is.EqualTo(4m), "F1, M1 (late), N1 and M3 in 2021");
            Assert.That(Bucket(year, "female"), Is.EqualTo(1m), "F1 at two workshops counts once; F2, absent or excused, and at a cancelled one, not at all");
            Assert.That(Bucket(year, "male"), Is.EqualTo(2m), "M2 was only at a planned and a cancelled workshop");
            Assert.That(Bucket(year, "not_recorded"), Is.EqualTo(1m), "N2 was excused");
            Assert.That(values["2022-H1"].GetProperty("actual").GetDecimal(), Is.EqualTo(2m),
                "a workshop over the new year: its 2022 session counts in 2022-H1 only, and F1 there again");
            Assert.That(Bucket(values["2022-H1"], "male"), Is.Zero, "M3's session on 2021-12-31 falls in 2021");
        });
    }

    [Test]
    public async Task Participant_hours_add_the_module_hours_of_each_session_attended()
    {
        var values = await ValuesAsync("participant_hours");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var attended = Attended(period).ToList();
                Assert.That(values[period.Label].GetProperty("actual").GetDecimal(), Is.EqualTo(attended.Sum(fact => sessions[fact.SessionId].Hours)), period.Label);
                foreach (var sex in Sexes)
                    Assert.That(Bucket(values[period.Label], sex), Is.EqualTo(attended.Where(fact => fact.Person.Sex == sex).Sum(fact => sessions[fact.SessionId].Hours)),
                        $"{period.Label} {sex}");
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration),
                        Is.EqualTo(attended.Where(fact => fact.Person.AdministrationId == administration).Sum(fact => sessions[fact.SessionId].Hours)));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(45m), "two 6-hour and one 7.5-hour sessions for F1; 6 for M1 and M3; 13.5 for N1");
            Assert.That(Bucket(values["2021"], "female"), Is.EqualTo(19.5m));
        });
    }

    [Test]
    public async Task Workshops_held_count_in_the_period_of_their_last_day_by_host()
    {
        var values = await ValuesAsync("workshops_held");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var held = workshops.Values.Where(workshop => workshop.Status == "held" && period.Holds(workshop.EndsOn)).ToList();
                Assert.That(values[period.Label].GetProperty("actual").GetDecimal(), Is.EqualTo(held.Count), period.Label);
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration), Is.EqualTo(held.Count(workshop => workshop.HostId == administration)));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(3m), "the training of trainers, W1 and the mission; not the planned nor the cancelled one");
            Assert.That(values["2022-H1"].GetProperty("actual").GetDecimal(), Is.EqualTo(1m), "the workshop over the new year ends in 2022");
        });
    }

    [Test]
    public async Task Accredited_national_trainers_are_counted_at_each_periods_end()
    {
        var values = await ValuesAsync("accredited_national_trainers");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var accredited = trainers.Where(trainer => trainer.Kind == "national_trainer" && trainer.AdministrationId != administrationC
                                                           && trainer.Accreditations.Any(a => a.Stage == "accredited" && a.AccreditedOn <= period.EndsOn)).ToList();
                Assert.That(values[period.Label].GetProperty("actual").GetDecimal(), Is.EqualTo(accredited.Count), period.Label);
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration), Is.EqualTo(accredited.Count(t => t.AdministrationId == administration)));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(1m),
                "NT1, accredited in two modules, once; not the WCO expert, nor the trainer of an administration the programme does not cover");
            Assert.That(values["2022-H2"].GetProperty("actual").GetDecimal(), Is.EqualTo(2m), "NT2 since 2022-03-15");
        });
    }

    [Test]
    public async Task Cascade_sessions_are_those_trainers_trained_by_the_programme_deliver_in_their_module()
    {
        var trained = trainers.SelectMany(trainer => trainer.Accreditations.Where(a => a.TrainedAt == trainingOfTrainers).Select(a => (trainer.Id, a.ModuleId))).ToHashSet();
        var values = await ValuesAsync("cascade_sessions");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var cascade = sessions.Values.Where(session => period.Holds(session.HeldOn) && workshops[session.WorkshopId].Status == "held"
                                                               && session.HeldOn > workshops[trainingOfTrainers].EndsOn
                                                               && session.TrainerIds.Any(trainer => trained.Contains((trainer, session.ModuleId)))).ToList();
                Assert.That(values[period.Label].GetProperty("actual").GetDecimal(), Is.EqualTo(cascade.Count), period.Label);
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration),
                        Is.EqualTo(cascade.Count(session => workshops[session.WorkshopId].HostId == administration)));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(1m),
                "NT1 in W1; not NT1's session of a module it was not trained in, nor its session at a planned workshop");
            Assert.That(values["2022-H1"].GetProperty("actual").GetDecimal(), Is.EqualTo(1m), "NT1 and NT2 together: one session");
        });
    }

    [Test]
    public async Task Administrations_with_an_adopted_plan_are_counted_at_each_periods_end()
    {
        var values = await ValuesAsync("administrations_with_adopted_plan");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                var adopted = plans.Where(plan => plan.AdoptedOn <= period.EndsOn && plan.StartsOn <= period.EndsOn && plan.EndsOn >= period.StartsOn)
                    .Select(plan => plan.AdministrationId).Distinct().ToList();
                Assert.That(values[period.Label].GetProperty("actual").GetDecimal(), Is.EqualTo(adopted.Count), period.Label);
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration), Is.EqualTo(adopted.Contains(administration) ? 1 : 0));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(1m), "B's 2021 plan is a draft, its 2018 plan of another time");
            Assert.That(values["2022-H2"].GetProperty("actual").GetDecimal(), Is.EqualTo(2m), "B's plan adopted on 2022-08-01");
        });
    }

    [Test]
    public async Task Actions_done_on_time_are_a_percentage_of_the_actions_due_in_the_period()
    {
        static decimal? Percent(IEnumerable<ActionFact> due)
        {
            var all = due.ToList();
            if (all.Count == 0) return null;
            var onTime = all.Count(action => action.Current == "done" && action.Updates.Any(update => update.Status == "done" && update.ReportedOn <= action.DueOn));
            return Math.Round(100m * onTime / all.Count, 2, MidpointRounding.AwayFromZero);
        }
        IEnumerable<ActionFact> Due(PeriodDays period, Guid? administration = null) => plans
            .Where(plan => plan.AdoptedOn is not null && (administration is null || plan.AdministrationId == administration))
            .SelectMany(plan => plan.Actions).Where(action => period.Holds(action.DueOn) && action.Current != "cancelled");

        var values = await ValuesAsync("actions_done_on_time_percent");
        Assert.Multiple(() =>
        {
            foreach (var period in periods)
            {
                Assert.That(Number(values[period.Label], "actual"), Is.EqualTo(Percent(Due(period))), period.Label);
                foreach (var administration in new[] { AdministrationA, AdministrationB })
                    Assert.That(Bucket(values[period.Label], administrationId: administration), Is.EqualTo(Percent(Due(period, administration))));
            }
            Assert.That(values["2021"].GetProperty("actual").GetDecimal(), Is.EqualTo(33.33m),
                "one of three on time: one done late, one not done; the cancelled one and the draft plan's left out");
            Assert.That(values["2022-H1"].GetProperty("actual").GetDecimal(), Is.EqualTo(50m), "done on the due day is on time; done then reopened is not");
            Assert.That(Bucket(values["2022-H2"], administrationId: AdministrationA), Is.Null, "nothing of A's is due then: no value");
        });
    }

    [Test]
    public async Task Targets_entered_for_a_computed_indicator_sit_beside_its_actuals()
    {
        var indicator = await CreateAsync(ResultsApi.Indicators(Programme), ResultsApi.Indicator("T.1", "unit", ["sex", "administration"], "officials_trained"));
        var period = periods[0];
        var recorded = await PutAsync(ResultsApi.Values(Programme, indicator, period.Id), new
        {
            target = 10, targetComment = "Half women",
            disaggregations = new object[]
            {
                new { sex = "female", target = 5 }, new { sex = "male", target = 5 },
                new { sex = "female", administrationId = AdministrationB, target = 2 },
            },
        }, ifMatch: null);
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await recorded.Content.ReadAsStringAsync());

        var values = await GetJsonAsync(ResultsApi.Values(Programme, indicator, period.Id));
        var rows = values.GetProperty("disaggregations").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values.GetProperty("target").GetDecimal(), Is.EqualTo(10m));
            Assert.That(values.GetProperty("actual").GetDecimal(), Is.EqualTo(4m));
            Assert.That(values.GetProperty("targetComment").GetString(), Is.EqualTo("Half women"));
            Assert.That(rows.Select(row => row.GetProperty("sex").ValueKind == JsonValueKind.Null ? null : row.GetProperty("sex").GetString()),
                Is.EqualTo(new[] { "female", "male", "not_recorded", null, null, "female" }), "every sex, every administration, then the other entered bucket");
            Assert.That(Number(rows[0], "target"), Is.EqualTo(5m));
            Assert.That(Number(rows[0], "actual"), Is.EqualTo(1m));
            Assert.That(Number(rows[2], "target"), Is.Null, "no target for not_recorded");
            Assert.That(Number(rows[2], "actual"), Is.EqualTo(1m));
            Assert.That(rows[3].GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationA), "the programme's administrations by name");
            Assert.That(Number(rows[5], "target"), Is.EqualTo(2m));
            Assert.That(Number(rows[5], "actual"), Is.Zero, "no woman of B attended in 2021");
        });
    }

    [Test]
    public async Task A_computed_actual_follows_the_records_as_they_change()
    {
        var programme = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("FOLLOW"), name = "Follow the records", startsOn = "2024-01-01", endsOn = "2024-12-31",
            donorIds = new[] { await CreateAsync("/api/v1/donors", new { code = UniqueCode("SIDA"), name = "Sida" }) }, administrationIds = new[] { AdministrationA },
        });
        var period = await CreateAsync(ResultsApi.Periods(programme), new { label = "2024", startsOn = "2024-01-01", endsOn = "2024-12-31" });
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("F.1", "unit", ["sex"], "officials_trained"));
        async Task<decimal?> ActualAsync() => Number(await GetJsonAsync(ResultsApi.Values(programme, indicator, period)), "actual");

        Assert.That(await ActualAsync(), Is.Zero, "no records: zero, not nothing");
        var workshop = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = programme, kind = "workshop", title = "Integrity in daily work", startsOn = "2024-03-04", endsOn = "2024-03-04",
            hostAdministrationId = AdministrationA, city = "Bobo-Dioulasso", language = "fr", status = "held",
        });
        var session = await CreateAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = Module, heldOn = "2024-03-04", trainerIds = new[] { TrainerT } });
        var person = await RegisterAsync(Person("Kaboré", $"Awa {NewMarker()}", AdministrationA, "female"));
        await EnrolAsync(workshop, new { participantId = person });
        var path = $"/api/v1/workshops/{workshop}/sessions/{session}/attendance";

        await Client.PutAsJsonAsync(path, new { entries = new[] { new { participantId = person, status = "absent" } } });
        Assert.That(await ActualAsync(), Is.Zero, "absent");
        await Client.PutAsJsonAsync(path, new { entries = new[] { new { participantId = person, status = "present" } } });
        Assert.That(await ActualAsync(), Is.EqualTo(1m), "present: read from the records, never stored");
        await Client.PutAsJsonAsync(path, new { entries = new[] { new { participantId = person, status = "excused" } } });
        Assert.That(await ActualAsync(), Is.Zero, "excused after all");
    }
}
