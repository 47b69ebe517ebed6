using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integrity.Api.Features.Participants;

namespace Integrity.Tests;

/// <summary>The registry of participants: registration and its duplicate rules, reading, lists, updates and merges.</summary>
public sealed class ParticipantsTests(string provider) : TrainingRecordsWorld(provider)
{
    private const string Registry = "/api/v1/participants";

    private static List<Guid> IdsOf(IEnumerable<JsonElement> items) => items.Select(item => item.GetProperty("id").GetGuid()).ToList();

    private static List<Guid> CandidatesOf(JsonElement problem) => IdsOf(problem.GetProperty("candidates").EnumerateArray());

    private async Task<List<Guid>> ListedAsync(string query) => IdsOf(await AllPagesAsync($"{Registry}?{query}", 50));

    private static HttpRequestMessage IfMatch(HttpMethod method, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task TakeAllAsync(Guid workshopId, Guid sessionId, params (Guid participantId, string status)[] entries)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshopId}/sessions/{sessionId}/attendance",
            new { entries = entries.Select(entry => new { entry.participantId, entry.status }) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_registered_participant_reads_back_tidied_with_its_administration_and_its_version_as_ETag()
    {
        var marker = NewMarker();
        var response = await Client.PostAsJsonAsync(Registry, Person("  Ouédraogo ", $"Aminata {marker}", AdministrationA, sex: "female",
            service: "support", email: $" Aminata.Ouedraogo.{marker}@Douanes.BF ", staffNumber: $" bf-{marker} ", position: "Chef de bureau"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Registry}/{id}"));
        });

        var read = await Client.GetAsync($"{Registry}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var participant = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(participant.GetProperty("familyName").GetString(), Is.EqualTo("Ouédraogo"));
            Assert.That(participant.GetProperty("givenNames").GetString(), Is.EqualTo($"Aminata {marker}"));
            Assert.That(participant.GetProperty("sex").GetString(), Is.EqualTo("female"));
            Assert.That(participant.GetProperty("service").GetString(), Is.EqualTo("support"));
            Assert.That(participant.GetProperty("position").GetString(), Is.EqualTo("Chef de bureau"));
            Assert.That(participant.GetProperty("email").GetString(), Is.EqualTo($"aminata.ouedraogo.{marker}@douanes.bf"), "e-mails are kept lower-case");
            Assert.That(participant.GetProperty("staffNumber").GetString(), Is.EqualTo($"BF-{marker}".ToUpperInvariant()), "staff numbers upper-case");
            Assert.That(participant.GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationA));
            Assert.That(participant.GetProperty("countryCode").GetString(), Is.EqualTo("BF"));
            Assert.That(participant.GetProperty("administrationNameFr").GetString(), Is.EqualTo("Burkina Faso Customs"));
            Assert.That(participant.GetProperty("workshops").GetArrayLength(), Is.Zero);
            Assert.That(participant.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(participant.TryGetProperty("normalisedName", out _), Is.False, "the sort key stays inside");
        });
        Assert.That(await TestSql.ScalarAsync(App.Database, "SELECT normalised_name FROM participants WHERE id = @id", ("id", id)),
            Is.EqualTo($"aminata ouedraogo {marker}"), "lower-case, without accents, words in order");
    }

    [Test]
    public async Task Missing_or_wrong_fields_get_field_errors_and_store_nothing()
    {
        var empty = await ProblemAsync(await Client.PostAsJsonAsync(Registry, new { }), 400);
        Assert.That(ErrorFields(empty), Is.EquivalentTo(new[] { "familyName", "givenNames", "sex", "administrationId", "service" }));

        var marker = NewMarker();
        var wrong = Merge(Person("---", $"Awa {marker}", Guid.CreateVersion7()), new { email = "not an e-mail", staffNumber = new string('9', 41) });
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Registry, wrong), 400);
        Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "familyName", "email", "staffNumber" }));
        var unknown = await ProblemAsync(await Client.PostAsJsonAsync(Registry, Person("Diallo", $"Awa {marker}", Guid.CreateVersion7())), 400);
        Assert.That(ErrorFields(unknown), Is.EqualTo(new[] { "administrationId" }));
        var badSex = await ProblemAsync(await Client.PostAsJsonAsync(Registry, Person("Diallo", $"Awa {marker}", AdministrationA, sex: "unknown")), 400);
        Assert.That(badSex.GetProperty("detail").GetString(), Does.Contain("sex"));

        Assert.That(await ListedAsync($"q={marker}"), Is.Empty, "nothing was stored");
    }

    [TestCase("the same staff number in the same administration", "staff_number")]
    [TestCase("the same e-mail in another administration", "email")]
    [TestCase("the same name with other accents, case and order", "name")]
    public async Task A_likely_duplicate_is_a_409_with_the_candidate_unless_a_new_person_is_confirmed(string rule, string matchedOn)
    {
        var marker = NewMarker();
        var administration = await AdministrationAsync("BF", "Burkina Faso Customs");
        var original = await RegisterAsync(Person("Ouédraogo", $"Aminata {marker}", administration,
            email: $"aminata.{marker}@douanes.bf", staffNumber: $"BF-{marker}", position: "Inspectrice"));
        var likely = matchedOn switch
        {
            "staff_number" => Person("Sawadogo", $"Rasmata {marker}", administration, staffNumber: $"bf-{marker}"),
            "email" => Person("Sawadogo", $"Rasmata {marker}", AdministrationB, email: $"AMINATA.{marker}@Douanes.BF"),
            _ => Person($"AMINATA {marker.ToUpperInvariant()}", "  OUEDRAOGO ", administration),
        };

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Registry, likely), 409);
        Assert.That(CandidatesOf(problem), Is.EqualTo(new[] { original }), rule);
        var candidate = problem.GetProperty("candidates")[0];
        Assert.Multiple(() =>
        {
            Assert.That(candidate.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { matchedOn }));
            Assert.That(candidate.GetProperty("familyName").GetString(), Is.EqualTo("Ouédraogo"));
            Assert.That(candidate.GetProperty("administrationId").GetGuid(), Is.EqualTo(administration));
            Assert.That(candidate.GetProperty("position").GetString(), Is.EqualTo("Inspectrice"));
            Assert.That(problem.GetProperty("candidatesOutsideScope").GetBoolean(), Is.False);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("confirmNewPerson"));
        });
        Assert.That(await ListedAsync($"q={marker}"), Is.EqualTo(new[] { original }), "nobody was registered");

        var confirmed = await RegisterAsync(Merge(likely, new { confirmNewPerson = true }));
        Assert.That(await ListedAsync($"q={marker}"), Is.EquivalentTo(new[] { original, confirmed }));
    }

    [Test]
    public async Task Namesakes_in_another_administration_or_with_another_staff_number_are_other_people()
    {
        var marker = NewMarker();
        var first = await RegisterAsync(Person("Traoré", $"Moussa {marker}", AdministrationA, staffNumber: $"A-{marker}"));
        var elsewhere = await RegisterAsync(Person("Traoré", $"Moussa {marker}", AdministrationB));
        var otherStaffNumber = await RegisterAsync(Person("Traoré", $"Moussa {marker}", AdministrationA, staffNumber: $"B-{marker}"));
        Assert.That(new[] { first, elsewhere, otherStaffNumber }, Is.Unique);

        var withoutStaffNumber = await ProblemAsync(await Client.PostAsJsonAsync(Registry, Person("TRAORE", $"{marker} Moussa", AdministrationA)), 409);
        Assert.That(CandidatesOf(withoutStaffNumber), Is.EquivalentTo(new[] { first, otherStaffNumber }), "the name alone may be either of them");
    }

    [Test]
    public async Task A_likely_match_outside_the_callers_scope_is_not_confirmed_the_person_is_registered_and_the_pair_goes_to_review()
    {
        var marker = NewMarker();
        var hidden = await RegisterAsync(Person("Coulibaly", $"Aissata {marker}", AdministrationB, email: $"aissata.{marker}@douanes.ml"));
        var attempt = Person("Diarra", $"Aicha {marker}", AdministrationA, email: $"aissata.{marker}@douanes.ml");

        var response = await CoordinatorOfA.PostAsJsonAsync(Registry, attempt);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        Assert.That(body, Does.Not.Contain(hidden.ToString()).And.Not.Contain("outside your scope"), "nothing tells her someone exists elsewhere");
        var registered = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        Assert.That((await CoordinatorOfA.GetAsync($"{Registry}/{hidden}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var review = await ReviewOfAsync(registered);
        Assert.Multiple(() =>
        {
            Assert.That(review.GetProperty("candidate").GetProperty("id").GetGuid(), Is.EqualTo(hidden));
            Assert.That(review.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "email" }));
        });
        await ProblemAsync(await CoordinatorOfA.GetAsync($"{Registry}/duplicate-reviews"), 403);
        await ProblemAsync(await CoordinatorOfA.PostAsync($"{Registry}/duplicate-reviews/{review.GetProperty("id").GetGuid()}/dismiss", null), 403);

        var dismissed = await Client.PostAsync($"{Registry}/duplicate-reviews/{review.GetProperty("id").GetGuid()}/dismiss", null);
        Assert.That(dismissed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await dismissed.Content.ReadAsStringAsync());
        Assert.That(await ReviewsOfAsync(registered), Is.Empty, "a dismissed pair leaves the list");
    }

    [Test]
    public async Task A_staff_number_a_trainer_cannot_see_registers_and_an_administrator_merges_the_pair()
    {
        var marker = NewMarker();
        var hidden = await RegisterAsync(Person("Kaboré", $"Issa {marker}", AdministrationA, staffNumber: $"BF-{marker}"));
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        await SessionAsync(workshop, "2023-11-29", TrainerT);

        var enrolled = await Trainer.PostAsJsonAsync(Participants(workshop), Person("Sawadogo", $"Paul {marker}", AdministrationA, staffNumber: $"bf-{marker}"));
        var body = await enrolled.Content.ReadAsStringAsync();
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        Assert.That(body, Does.Not.Contain(hidden.ToString()));
        var registered = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        var review = await ReviewOfAsync(registered);
        Assert.That(review.GetProperty("candidate").GetProperty("id").GetGuid(), Is.EqualTo(hidden));
        var merged = await Client.PostAsJsonAsync($"{Registry}/{hidden}/merge", new { duplicateId = registered });
        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await merged.Content.ReadAsStringAsync());
        Assert.That(await ReviewsOfAsync(registered), Is.Empty, "a merged pair leaves the list");
        Assert.That(await ListedAsync($"workshopId={workshop}&q={marker}"), Is.EqualTo(new[] { hidden }), "the enrolment moved to the kept record");
    }

    [Test]
    public async Task The_review_list_goes_a_page_at_a_time_oldest_first_and_refuses_a_cursor_of_another_list()
    {
        var registered = new List<Guid>();
        foreach (var given in new[] { "Awa", "Ali" })
        {
            var marker = NewMarker();
            await RegisterAsync(Person("Ouattara", $"{given} {marker}", AdministrationB, email: $"{marker}@douanes.ci"));
            var response = await CoordinatorOfA.PostAsJsonAsync(Registry, Person("Konaté", $"{given} {marker}", AdministrationA, email: $"{marker}@douanes.ci"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            registered.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }
        var listed = (await AllPagesAsync($"{Registry}/duplicate-reviews", 1))
            .Select(review => review.GetProperty("participant").GetProperty("id").GetGuid()).Where(registered.Contains);
        Assert.That(listed, Is.EqualTo(registered), "each pair once, in the order found");

        var cursor = (await GetJsonAsync($"{Registry}?limit=1")).GetProperty("nextCursor").GetString();

        await ProblemAsync(await Client.GetAsync($"{Registry}/duplicate-reviews?cursor={Uri.EscapeDataString(cursor!)}"), 400);
        await ProblemAsync(await Client.GetAsync($"{Registry}/duplicate-reviews?cursor=not-a-cursor"), 400);
    }

    private async Task<List<JsonElement>> ReviewsOfAsync(Guid participant) =>
        (await AllPagesAsync($"{Registry}/duplicate-reviews", 2))
        .Where(review => review.GetProperty("participant").GetProperty("id").GetGuid() == participant).ToList();

    private async Task<JsonElement> ReviewOfAsync(Guid participant)
    {
        var reviews = await ReviewsOfAsync(participant);
        Assert.That(reviews, Has.Count.EqualTo(1), "the pair waits for an administrator");
        return reviews[0];
    }

    [TestCase("name", "a Cyrillic а in the given name")]
    [TestCase("name", "a zero-width space in the family name")]
    [TestCase("staff_number", "a soft hyphen and a Cyrillic В in the staff number")]
    [TestCase("email", "a Cyrillic о and a zero-width space in the e-mail")]
    public async Task A_look_alike_character_does_not_register_the_same_official_twice(string matchedOn, string how)
    {
        var marker = NewMarker();
        var original = await RegisterAsync(Person("Ouédraogo", $"Aminata {marker}", AdministrationA, email: $"aminata.{marker}@douanes.bf", staffNumber: $"BF-{marker}"));
        var lookAlike = how switch
        {
            "a Cyrillic а in the given name" => Person("Ouedraogo", $"\u0410min\u0430ta {marker}", AdministrationA),
            "a zero-width space in the family name" => Person("Oued\u200Braogo", $"Aminata {marker}", AdministrationA),
            "a soft hyphen and a Cyrillic В in the staff number" => Person("Sawadogo", $"Paul {marker}", AdministrationA, staffNumber: $"\u0412F-\u00AD{marker}"),
            _ => Person("Sawadogo", $"Paul {marker}", AdministrationB, email: $"amin\u200Bata.{marker}@d\u043Euanes.bf"),
        };
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Registry, lookAlike), 409);
        Assert.Multiple(() =>
        {
            Assert.That(CandidatesOf(problem), Is.EqualTo(new[] { original }), how);
            Assert.That(problem.GetProperty("candidates")[0].GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Does.Contain(matchedOn));
        });
    }

    [Test]
    public async Task Keys_stored_before_the_folding_are_recomputed_once_at_start_up()
    {
        var marker = NewMarker();
        var stored = await RegisterAsync(Person("Traoré", $"Moussa {marker}", AdministrationA, staffNumber: $"ML-{marker}"));
        // As an older version stored them: a Cyrillic letter and a soft hyphen left in the keys.
        await TestSql.ExecuteAsync(App.Database, "UPDATE participants SET normalised_name = @name, staff_number = @staff WHERE id = @id",
            ("name", $"moussa traor\u0435 {marker}"), ("staff", $"ML-\u00AD{marker}".ToUpperInvariant()), ("id", stored));
        await TestSql.ExecuteAsync(App.Database, "DELETE FROM person_key_folds");

        await Integrity.Api.Features.Participants.PersonKeyFolds.ApplyAsync(App.Services);

        Assert.Multiple(async () =>
        {
            Assert.That(await TestSql.ScalarAsync(App.Database, "SELECT normalised_name FROM participants WHERE id = @id", ("id", stored)), Is.EqualTo($"moussa traore {marker}"));
            Assert.That(await TestSql.ScalarAsync(App.Database, "SELECT staff_number FROM participants WHERE id = @id", ("id", stored)), Is.EqualTo($"ML-{marker}".ToUpperInvariant()));
        });
        var again = await ProblemAsync(await Client.PostAsJsonAsync(Registry, Person("Traore", $"Moussa {marker}", AdministrationA)), 409);
        Assert.That(CandidatesOf(again), Is.EqualTo(new[] { stored }));
    }

    [Test]
    public async Task Coordinators_register_in_their_administrations_trainers_through_a_workshop_and_donors_not_at_all()
    {
        var marker = NewMarker();
        var mine = await CoordinatorOfA.PostAsJsonAsync(Registry, Person("Zida", $"Inès {marker}", AdministrationA));
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created), await mine.Content.ReadAsStringAsync());
        var notMine = await ProblemAsync(await CoordinatorOfA.PostAsJsonAsync(Registry, Person("Zida", $"Paul {marker}", AdministrationB)), 403);
        Assert.That(notMine.GetProperty("detail").GetString(), Does.Contain("administrations you work with"));
        var trainer = await ProblemAsync(await Trainer.PostAsJsonAsync(Registry, Person("Zida", $"Marc {marker}", AdministrationA)), 403);
        Assert.That(trainer.GetProperty("detail").GetString(), Does.Contain("/participants/import"));

        var id = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => Donor.GetAsync(Registry),
                     () => Donor.GetAsync($"{Registry}/{id}"),
                     () => Donor.PostAsJsonAsync(Registry, Person("Zida", $"Luc {marker}", AdministrationA)),
                     () => Donor.PutAsJsonAsync($"{Registry}/{id}", Person("Zida", $"Luc {marker}", AdministrationA)),
                     () => Donor.PostAsJsonAsync($"{Registry}/{id}/merge", new { duplicateId = id }),
                 })
            await ProblemAsync(await call(), 403);
        Assert.That(await ListedAsync($"q={marker}"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task The_list_is_in_name_order_and_filters_by_words_in_any_order_administration_workshop_and_sex()
    {
        var marker = NewMarker();
        var administration = await AdministrationAsync("BF", "Burkina Faso Customs");
        var staffNumber = $"MAT{Guid.NewGuid():N}"[..9];
        var zongo = await RegisterAsync(Person("Zongo", $"Issa {marker}", administration, staffNumber: staffNumber.ToLowerInvariant()));
        var ouedraogo = await RegisterAsync(Person("Ouédraogo", $"Aminata {marker}", administration, sex: "female", email: $"a.{marker}@douanes.bf"));
        var bamba = await RegisterAsync(Person("Bamba", $"Koffi {marker}", administration, sex: "not_recorded"));
        var elsewhere = await RegisterAsync(Person("Ouedraogo", $"Boukary {marker}", AdministrationB));
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        await EnrolAsync(workshop, new { participantId = bamba });
        await EnrolAsync(workshop, new { participantId = elsewhere });

        Assert.Multiple(async () =>
        {
            Assert.That(await ListedAsync($"administrationId={administration}"), Is.EqualTo(new[] { ouedraogo, bamba, zongo }),
                "by normalised name: 'aminata ouedraogo …', 'bamba koffi …', 'issa zongo …'");
            Assert.That(IdsOf(await AllPagesAsync($"{Registry}?administrationId={administration}", 1)), Is.EqualTo(new[] { ouedraogo, bamba, zongo }),
                "a page at a time");
            Assert.That(await ListedAsync($"q={Uri.EscapeDataString($"OUEDRAOGO {marker}")}"), Is.EqualTo(new[] { ouedraogo, elsewhere }));
            Assert.That(await ListedAsync($"q={Uri.EscapeDataString($"{marker} ami ouédr")}"), Is.EqualTo(new[] { ouedraogo }), "words, accents, any order");
            Assert.That(await ListedAsync($"q={staffNumber}"), Is.EqualTo(new[] { zongo }), "the staff number");
            Assert.That(await ListedAsync($"q=A.{marker}@Douanes.bf"), Is.EqualTo(new[] { ouedraogo }), "the e-mail");
            Assert.That(await ListedAsync($"workshopId={workshop}"), Is.EqualTo(new[] { bamba, elsewhere }));
            Assert.That(await ListedAsync($"workshopId={workshop}&administrationId={administration}"), Is.EqualTo(new[] { bamba }));
            Assert.That(await ListedAsync($"q={marker}&sex=female"), Is.EqualTo(new[] { ouedraogo }));
            Assert.That(await ListedAsync($"q={marker}&sex=not_recorded"), Is.EqualTo(new[] { bamba }));
        });
        var badSex = await ProblemAsync(await Client.GetAsync($"{Registry}?sex=woman"), 400);
        Assert.That(ErrorFields(badSex), Is.EqualTo(new[] { "sex" }));
        await ProblemAsync(await Client.GetAsync($"{Registry}?cursor=not-a-cursor"), 400);
    }

    [Test]
    public async Task A_search_lists_exactly_the_people_whose_name_holds_every_word_and_follows_renames_and_merges()
    {
        var marker = NewMarker();
        // Words the name index alone holds: a stale index would miss them.
        static string UniqueWord() => $"w{Guid.NewGuid():N}"[..14];
        var (before, after, merged) = (UniqueWord(), UniqueWord(), UniqueWord());
        var staffNumber = $"S{Guid.NewGuid():N}"[..9].ToUpperInvariant();
        var people = new Dictionary<Guid, (string Family, string Given, string? Email, string? StaffNumber)>();
        async Task<Guid> Registered(string family, string given, string? email = null, string? staff = null)
        {
            var id = await RegisterAsync(Person(family, given, AdministrationA, email: email, staffNumber: staff));
            people[id] = (family, given, email?.ToLowerInvariant(), staff);
            return id;
        }
        // What the search promises: every word of q, in any order and without accents, in the name; or q is the staff number or e-mail.
        bool Matches((string Family, string Given, string? Email, string? StaffNumber) person, string q) =>
            PersonNames.Words(q).All(PersonNames.Normalise(person.Family, person.Given).Contains)
            || person.StaffNumber == q.Trim().ToUpperInvariant() || person.Email == q.Trim().ToLowerInvariant();
        async Task SearchesFindAsync(params string[] searches)
        {
            foreach (var q in searches)
                Assert.That(await ListedAsync($"q={Uri.EscapeDataString(q)}"), Is.EquivalentTo(people.Where(p => Matches(p.Value, q)).Select(p => p.Key)), q);
        }

        await Registered("Ouédraogo", $"Aminata {marker}");
        await Registered("Traoré", $"Moussa {marker}");
        await Registered("TRAORE", $"Ibrahim {marker}", email: $"I.Traore.{marker}@Douanes.bf", staff: staffNumber);
        await Registered("Ba", $"Ali {marker}");
        var renamed = await Registered("Zerbo", $"Awa {marker} {before}");
        var duplicate = await Registered("Zerbo", $"Awa {marker} {merged}");
        await SearchesFindAsync($"traoré {marker}", $"{marker} OUEDR ami", $"ba {marker}", $"ibra {marker} TRAO", marker, before, merged,
            staffNumber.ToLowerInvariant(), $"I.TRAORE.{marker}@douanes.BF", $"ba {marker}@douanes.bf");

        // Words too short for the index: every name is read, as before, so the whole registry answers.
        var shortWords = await AllPagesAsync($"{Registry}?q=al%20ba", 50);
        Assert.That(shortWords.Select(p => p.GetProperty("id").GetGuid()).Where(people.ContainsKey),
            Is.EquivalentTo(people.Where(p => Matches(p.Value, "al ba")).Select(p => p.Key)));
        Assert.That(shortWords.Where(p => !Matches((p.GetProperty("familyName").GetString()!, p.GetProperty("givenNames").GetString()!, null, null), "al ba")),
            Is.Empty, "nobody else without both words");

        var update = await PutAsync($"{Registry}/{renamed}", Person("Zerbo", $"Awa {marker} {after}", AdministrationA), "\"1\"");
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await update.Content.ReadAsStringAsync());
        people[renamed] = ("Zerbo", $"Awa {marker} {after}", null, null);
        var merge = await Client.PostAsJsonAsync($"{Registry}/{renamed}/merge", new { duplicateId = duplicate });
        Assert.That(merge.StatusCode, Is.EqualTo(HttpStatusCode.OK), await merge.Content.ReadAsStringAsync());
        people.Remove(duplicate);
        await SearchesFindAsync(before, after, merged, $"awa {marker}", marker);
        Assert.That(await ListedAsync($"q={before}"), Is.Empty, "the old name no longer matches");

        await NameSearchIndex.AssertInStepAsync(App.Database, "participant", "participants", "normalised_name");
    }

    [Test]
    public async Task A_coordinator_lists_the_people_of_their_administrations_and_workshops_only()
    {
        var marker = NewMarker();
        var ofA = await RegisterAsync(Person("Kaboré", $"Rose {marker}", AdministrationA));
        var ofB = await RegisterAsync(Person("Kaboré", $"Jean {marker}", AdministrationB));
        var ofBInWorkshopOfA = await RegisterAsync(Person("Kaboré", $"Yves {marker}", AdministrationB));
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        await EnrolAsync(workshop, new { participantId = ofBInWorkshopOfA });

        var listed = IdsOf((await CoordinatorOfA.GetFromJsonAsync<JsonElement>($"{Registry}?q={marker}")).GetProperty("items").EnumerateArray());
        Assert.That(listed, Is.EquivalentTo(new[] { ofA, ofBInWorkshopOfA }));
        Assert.That((await CoordinatorOfA.GetAsync($"{Registry}/{ofB}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_update_needs_the_current_ETag_and_a_change_into_someone_else_needs_confirming()
    {
        var marker = NewMarker();
        var administration = await AdministrationAsync("ML", "Mali Customs");
        var other = await RegisterAsync(Person("Keïta", $"Moussa {marker}", administration, email: $"moussa.{marker}@douanes.ml"));
        var id = await RegisterAsync(Person("Keita", $"Mousa {marker}", administration));
        var path = $"{Registry}/{id}";
        var corrected = Person("Keita", $"Mousa {marker}", administration, position: "Chef de brigade");

        await ProblemAsync(await PutAsync(path, corrected, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, corrected, ifMatch: "\"5\""), 412);
        var updated = await PutAsync(path, corrected, "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));

        var renamed = Person("Keïta", $"Moussa {marker}", administration, position: "Chef de brigade");
        var problem = await ProblemAsync(await PutAsync(path, renamed, "\"2\""), 409);
        Assert.That(CandidatesOf(problem), Is.EqualTo(new[] { other }), "the record is not its own candidate");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("\"confirmDistinctPerson\": true"));
        Assert.That((await GetJsonAsync(path)).GetProperty("givenNames").GetString(), Is.EqualTo($"Mousa {marker}"));

        Assert.That((await PutAsync(path, Merge(renamed, new { confirmDistinctPerson = true }), "\"2\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var promoted = Merge(renamed, new { position = "Chef de bureau" });
        Assert.That((await PutAsync(path, promoted, "\"3\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent),
            "a confirmed namesake is not asked again when other fields change");
        var participant = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(participant.GetProperty("givenNames").GetString(), Is.EqualTo($"Moussa {marker}"));
            Assert.That(participant.GetProperty("position").GetString(), Is.EqualTo("Chef de bureau"));
            Assert.That(participant.GetProperty("version").GetInt32(), Is.EqualTo(4));
        });

        var moved = await CoordinatorOfA.SendAsync(IfMatch(HttpMethod.Put, $"{Registry}/{other}", Person("Keïta", $"Moussa {marker}", administration), "\"1\""));
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the coordinator of A does not see this administration");
    }

    [Test]
    public async Task A_merge_keeps_every_enrolment_and_attendance_of_both_records()
    {
        var marker = NewMarker();
        var kept = await RegisterAsync(Person("Sanou", $"Ali {marker}", AdministrationA, staffNumber: $"K-{marker}"));
        var duplicate = await RegisterAsync(Merge(Person("SANOU", $"Alí {marker}", AdministrationA, email: $"ali.{marker}@douanes.bf", position: "Vérificateur"),
            new { confirmNewPerson = true }));
        var both = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        var bothFirst = await SessionAsync(both, "2023-11-29", OtherTrainer);
        var bothSecond = await SessionAsync(both, "2023-11-30", OtherTrainer);
        var bothThird = await SessionAsync(both, "2023-12-01", OtherTrainer);
        var onlyDuplicates = await WorkshopAsync("2024-03-12", "2024-03-16", "held");
        var onlyDuplicatesSession = await SessionAsync(onlyDuplicates, "2024-03-12", OtherTrainer);
        foreach (var person in new[] { kept, duplicate }) await EnrolAsync(both, new { participantId = person });
        await EnrolAsync(onlyDuplicates, new { participantId = duplicate });
        await PutAsync($"{Participants(both)}/{kept}", new { preTestScore = 30, completed = false }, "\"1\"");
        await PutAsync($"{Participants(both)}/{duplicate}", new { preTestScore = 50, postTestScore = 75.5m, completed = true }, "\"1\"");
        await TakeAllAsync(both, bothFirst, (kept, "absent"), (duplicate, "present"));
        await TakeAllAsync(both, bothSecond, (kept, "present"), (duplicate, "excused"));
        await TakeAllAsync(both, bothThird, (duplicate, "late"));
        await TakeAllAsync(onlyDuplicates, onlyDuplicatesSession, (duplicate, "excused"));
        const string Enrolments = "SELECT count(*) FROM enrolments WHERE participant_id = @id";
        const string Attended = "SELECT count(*) FROM attendance WHERE participant_id = @id";
        Assert.That((await CountAsync(Enrolments, kept), await CountAsync(Enrolments, duplicate)), Is.EqualTo((1, 2)));
        Assert.That((await CountAsync(Attended, kept), await CountAsync(Attended, duplicate)), Is.EqualTo((2, 4)));

        var response = await Client.PostAsJsonAsync($"{Registry}/{kept}/merge", new { duplicateId = duplicate });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var merged = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(merged.GetProperty("id").GetGuid(), Is.EqualTo(kept));
            Assert.That(merged.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        });

        Assert.Multiple(async () =>
        {
            Assert.That((await CountAsync(Enrolments, kept), await CountAsync(Enrolments, duplicate)), Is.EqualTo((2, 0)), "one enrolment per workshop");
            Assert.That((await CountAsync(Attended, kept), await CountAsync(Attended, duplicate)), Is.EqualTo((4, 0)), "one attendance per session");
            Assert.That(await CountAsync("SELECT count(*) FROM participants WHERE id = @id", duplicate), Is.Zero);
        });
        await ProblemAsync(await Client.GetAsync($"{Registry}/{duplicate}"), 404);

        var shared = await GetJsonAsync($"{Participants(both)}/{kept}");
        var attendance = shared.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("sessionId").GetGuid(), a => a.GetProperty("status").GetString());
        Assert.Multiple(async () =>
        {
            Assert.That(shared.GetProperty("preTestScore").GetDecimal(), Is.EqualTo(30m), "the kept record's own score stays");
            Assert.That(shared.GetProperty("postTestScore").GetDecimal(), Is.EqualTo(75.5m), "the duplicate's score fills the gap");
            Assert.That(shared.GetProperty("completed").GetBoolean(), Is.True);
            Assert.That(attendance, Is.EqualTo(new Dictionary<Guid, string?> { [bothFirst] = "present", [bothSecond] = "present", [bothThird] = "late" }),
                "the better status of each session");
            var moved = await GetJsonAsync($"{Participants(onlyDuplicates)}/{kept}");
            Assert.That(moved.GetProperty("attendance")[0].GetProperty("status").GetString(), Is.EqualTo("excused"));
            var person = await GetJsonAsync($"{Registry}/{kept}");
            Assert.That(person.GetProperty("email").GetString(), Is.EqualTo($"ali.{marker}@douanes.bf"), "what the kept record lacked");
            Assert.That(person.GetProperty("position").GetString(), Is.EqualTo("Vérificateur"));
            Assert.That(person.GetProperty("staffNumber").GetString(), Is.EqualTo($"K-{marker}".ToUpperInvariant()));
            Assert.That(person.GetProperty("workshops").EnumerateArray().Select(w => w.GetProperty("workshopId").GetGuid()),
                Is.EquivalentTo(new[] { both, onlyDuplicates }));
        });
    }

    [Test]
    public async Task Merging_into_itself_an_unknown_record_or_out_of_scope_is_refused_and_changes_nothing()
    {
        var marker = NewMarker();
        var ofA = await RegisterAsync(Person("Somé", $"Eric {marker}", AdministrationA));
        var alsoOfA = await RegisterAsync(Merge(Person("Some", $"Eric {marker}", AdministrationA), new { confirmNewPerson = true }));
        var ofB = await RegisterAsync(Person("Somé", $"Eric {marker}", AdministrationB));

        var itself = await ProblemAsync(await Client.PostAsJsonAsync($"{Registry}/{ofA}/merge", new { duplicateId = ofA }), 400);
        Assert.That(ErrorFields(itself), Is.EqualTo(new[] { "duplicateId" }));
        await ProblemAsync(await Client.PostAsJsonAsync($"{Registry}/{ofA}/merge", new { duplicateId = Guid.CreateVersion7() }), 404);
        await ProblemAsync(await CoordinatorOfA.PostAsJsonAsync($"{Registry}/{ofA}/merge", new { duplicateId = ofB }), 404);
        await ProblemAsync(await Trainer.PostAsJsonAsync($"{Registry}/{ofA}/merge", new { duplicateId = alsoOfA }), 403);
        Assert.That(await ListedAsync($"q={marker}"), Is.EquivalentTo(new[] { ofA, alsoOfA, ofB }));

        var byCoordinator = await CoordinatorOfA.PostAsJsonAsync($"{Registry}/{ofA}/merge", new { duplicateId = alsoOfA });
        Assert.That(byCoordinator.StatusCode, Is.EqualTo(HttpStatusCode.OK), await byCoordinator.Content.ReadAsStringAsync());
        Assert.That(await ListedAsync($"q={marker}"), Is.EquivalentTo(new[] { ofA, ofB }));
    }
}
