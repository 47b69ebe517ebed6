using System.Globalization;
using System.Net;

namespace Integrity.Tests;

/// <summary>
/// Reports and exports per API token and account, on a server allowing 3 a minute (<c>RateLimits:ReportsPerMinute</c>;
/// 60 by default, which the other fixtures raise out of reach). The world: a programme of Norad's covering one
/// administration, and Norad's tokens and account.
/// </summary>
public sealed class ReportRateLimitTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Password = "rate-limit-password";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:ReportsPerMinute"] = "3" };

    private Guid norad;
    private Guid programme;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        norad = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad" });
        var burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Faso Customs {Guid.NewGuid():N}", nameFr = "Douane burkinabè" });
        programme = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("A-CIP"), name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { norad }, administrationIds = new[] { burkina },
        });
    }

    private string Report => $"/api/v1/programmes/{programme}/reports/progress";

    private string Iati => $"/api/v1/programmes/{programme}/iati";

    private Task<HttpClient> TokenAsync() => DonorTokens.ClientAsync(App, Client, norad, $"Pull {Guid.NewGuid():N}");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [Test]
    public async Task The_request_past_the_limit_from_one_token_is_a_429_with_Retry_After_and_another_token_is_served()
    {
        using var script = await TokenAsync();
        using var other = await TokenAsync();
        var served = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) served.Add(await script.GetAsync(Report));
        var refused = await script.GetAsync(Report);

        Assert.Multiple(() =>
        {
            Assert.That(served.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(served.Select(response => Header(response, "RateLimit-Policy")), Is.All.EqualTo("\"reports\";q=3;w=60"));
            Assert.That(served.Select(response => Header(response, "RateLimit").Split(';')[1]), Is.EqualTo(new[] { "r=2", "r=1", "r=0" }),
                "the requests left in the window");
            Assert.That(served.Select(response => int.Parse(Header(response, "RateLimit").Split(";t=")[1], CultureInfo.InvariantCulture)),
                Is.All.InRange(1, 60), "seconds until the window renews");
        });

        var problem = await ProblemAsync(refused, 429);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.Multiple(() =>
        {
            Assert.That(retryAfter, Is.Not.Null.And.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), "Retry-After in seconds");
            Assert.That(Header(refused, "RateLimit"), Does.StartWith("\"reports\";r=0;t="));
            Assert.That(Header(refused, "RateLimit-Policy"), Is.EqualTo("\"reports\";q=3;w=60"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("at most 3 a minute").And.Contain($"{retryAfter!.Value.TotalSeconds:0} seconds"));
        });

        var otherToken = await other.GetAsync(Report);
        Assert.That(otherToken.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a second token counts on its own");
        Assert.That(Header(otherToken, "RateLimit"), Does.StartWith("\"reports\";r=2;"));
    }

    [Test]
    public async Task Reports_and_IATI_files_count_together_per_signed_in_account_and_answer_in_French()
    {
        var email = $"donor-{Guid.NewGuid():N}@limits.test";
        await CreateAsync("/api/v1/users", new { email, displayName = "Norad analyst", role = "donor", password = Password, donorId = norad });
        using var analyst = await App.SignedInClientAsync(email, Password);
        using var script = await TokenAsync();
        Assert.That((await analyst.GetAsync(Report)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await analyst.GetAsync($"{Report}?format=csv")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await analyst.GetAsync(Iati)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var inFrench = new HttpRequestMessage(HttpMethod.Get, Iati);
        inFrench.Headers.AcceptLanguage.ParseAdd("fr");
        var refused = await ProblemAsync(await analyst.SendAsync(inFrench), 429);
        Assert.Multiple(async () =>
        {
            Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("au plus 3 par minute"));
            Assert.That((await script.GetAsync(Iati)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the donor's token counts apart from the account");
            Assert.That((await analyst.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other operations are not limited");
        });
    }
}
