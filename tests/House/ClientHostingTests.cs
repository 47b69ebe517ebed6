using System.Net;

namespace Integrity.Tests;

/// <summary>The API serves the built client from the same origin, to anyone, without shadowing the API.</summary>
public sealed class ClientHostingTests
{
    [Test]
    public async Task The_client_is_public_and_its_screens_fall_back_to_index_html_but_API_paths_do_not()
    {
        var folder = Directory.CreateTempSubdirectory("integrity-client-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "index.html"), "<!doctype html><title>Integrity client</title>");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "assets"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "assets", "app.js"), "console.log('integrity');");
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Client:Path"] = folder.FullName });
        using var client = app.AnonymousClient();

        var home = await client.GetAsync("/");
        var screen = await client.GetAsync("/workshops/some-screen");
        var script = await client.GetAsync("/assets/app.js");
        var api = await client.GetAsync("/api/v1/not-an-operation");
        var data = await client.GetAsync("/api/v1/programmes");
        Assert.Multiple(async () =>
        {
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await home.Content.ReadAsStringAsync(), Does.Contain("Integrity client"));
            Assert.That(await screen.Content.ReadAsStringAsync(), Does.Contain("Integrity client"));
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((int)data.StatusCode, Is.EqualTo(401), "data still needs a caller");
        });
        folder.Delete(recursive: true);
    }

    [Test]
    public async Task Client_files_are_compressed_and_hashed_assets_cached_for_good_but_API_answers_are_not_compressed()
    {
        var folder = Directory.CreateTempSubdirectory("integrity-client-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "index.html"), "<!doctype html><title>Integrity client</title>" + new string(' ', 2000));
        Directory.CreateDirectory(Path.Combine(folder.FullName, "assets"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "assets", "app-3f2a.js"), string.Concat(Enumerable.Repeat("console.log('integrity');\n", 200)));
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Client:Path"] = folder.FullName });
        using var client = app.AnonymousClient();

        async Task<HttpResponseMessage> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            return await client.SendAsync(request);
        }

        var script = await Get("/assets/app-3f2a.js");
        var screen = await Get("/workshops");
        var api = await Get("/api/v1/key-factors");
        Assert.Multiple(() =>
        {
            Assert.That(script.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
            Assert.That(script.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(screen.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
            Assert.That(screen.Headers.CacheControl?.NoCache, Is.True, "index.html is asked again, so a release shows at once");
            Assert.That(api.Content.Headers.ContentEncoding, Is.Empty);
        });
        folder.Delete(recursive: true);
    }
}
