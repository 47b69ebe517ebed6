using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Integrity.Tests;

/// <summary>
/// Many callers at the same moment: one version wins an update, one key makes one record, one unique code
/// goes to one record, and a sheet uploaded by several people at once registers each person once. A race
/// lost is a 409 or 412 problem, never a 500.
/// </summary>
public sealed class ConcurrencyTests(string provider) : TrainingRecordsWorld(provider)
{
    private const int Callers = 16;

    private static Task<HttpResponseMessage[]> AllAtOnceAsync(Func<int, Task<HttpResponseMessage>> call) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(() => call(caller))));

    private static async Task<string> StatusesAsync(HttpResponseMessage[] responses) =>
        string.Join("\n", await Task.WhenAll(responses.Select(async response => $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}")));

    /// <summary>Every answer that is not <paramref name="success"/> is a problem with <paramref name="lost"/>.</summary>
    private static async Task AssertRaceLostAsync(HttpResponseMessage[] responses, HttpStatusCode success, HttpStatusCode lost, int winners)
    {
        var statuses = await StatusesAsync(responses);
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(response => response.StatusCode == success), Is.EqualTo(winners), statuses);
            Assert.That(responses.Where(response => response.StatusCode != success).Select(response => response.StatusCode), Is.All.EqualTo(lost), statuses);
            Assert.That(responses.Where(response => response.StatusCode != success).Select(response => response.Content.Headers.ContentType?.MediaType),
                Is.All.EqualTo("application/problem+json"), statuses);
        });
    }

    [Test]
    public async Task Of_parallel_updates_with_the_same_If_Match_exactly_one_wins_and_the_rest_get_412()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("RACE"), name = "Raced donor" });
        var responses = await AllAtOnceAsync(caller => PutAsync($"/api/v1/donors/{donor}", new { code = UniqueCode("RACE"), name = $"Winner {caller}" }, "\"1\""));
        await AssertRaceLostAsync(responses, HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed, winners: 1);
        Assert.That((await GetJsonAsync($"/api/v1/donors/{donor}")).GetProperty("version").GetInt32(), Is.EqualTo(2), "one update was applied");
    }

    [Test]
    public async Task Parallel_creates_with_one_Idempotency_Key_register_one_participant_and_all_get_its_reply()
    {
        var marker = NewMarker();
        var key = Guid.NewGuid().ToString();
        var responses = await AllAtOnceAsync(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/participants") { Content = JsonContent.Create(Person("Traoré", $"Awa {marker}", AdministrationB, "female")) };
            request.Headers.Add("Idempotency-Key", key);
            return Client.SendAsync(request);
        });
        var statuses = await StatusesAsync(responses);
        Assert.Multiple(async () =>
        {
            Assert.That(responses.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.Created), statuses);
            Assert.That(responses.Select(response => response.Headers.Location).Distinct().Count(), Is.EqualTo(1), statuses);
            Assert.That(await CountAsync("SELECT count(*) FROM participants WHERE normalised_name LIKE @id", $"%{marker}%"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Parallel_creates_of_one_code_with_different_keys_make_one_record_and_the_rest_get_409()
    {
        var code = UniqueCode("SAME");
        var responses = await AllAtOnceAsync(caller => Client.PostAsJsonAsync("/api/v1/donors", new { code, name = $"Donor {caller}" }));
        await AssertRaceLostAsync(responses, HttpStatusCode.Created, HttpStatusCode.Conflict, winners: 1);
        Assert.That(await CountAsync("SELECT count(*) FROM donors WHERE code = @id", code), Is.EqualTo(1));
    }

    [Test]
    public async Task Parallel_registrations_of_one_person_register_them_once_and_the_rest_are_told_of_the_duplicate()
    {
        var marker = NewMarker();
        var responses = await AllAtOnceAsync(_ => Client.PostAsJsonAsync("/api/v1/participants", Person("Diarra", $"Moussa {marker}", AdministrationB, staffNumber: $"ML-{marker}")));
        await AssertRaceLostAsync(responses, HttpStatusCode.Created, HttpStatusCode.Conflict, winners: 1);
        Assert.That(await CountAsync("SELECT count(*) FROM participants WHERE normalised_name LIKE @id", $"%{marker}%"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_attendance_sheet_uploaded_in_parallel_registers_each_person_once()
    {
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        var marker = NewMarker();
        var sheet = string.Join("\r\n",
            "Nom;Prénoms;Sexe;Service;Matricule",
            $"Ouédraogo;Aminata {marker};F;operational;",
            $"Kaboré;Rasmané {marker};M;support;BF-{marker}",
            $"Zongo;Issa {marker};M;management;") + "\r\n";
        var responses = await AllAtOnceAsync(_ =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(sheet));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");
            return Client.PostAsync($"{Participants(workshop)}/import", content);
        });
        await AssertRaceLostAsync(responses, HttpStatusCode.OK, HttpStatusCode.Conflict,
            winners: responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Multiple(async () =>
        {
            Assert.That(responses.Count(response => response.StatusCode == HttpStatusCode.OK), Is.GreaterThanOrEqualTo(1), await StatusesAsync(responses));
            Assert.That(await CountAsync("SELECT count(*) FROM participants WHERE normalised_name LIKE @id", $"%{marker}%"), Is.EqualTo(3));
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(3));
        });
    }
}
