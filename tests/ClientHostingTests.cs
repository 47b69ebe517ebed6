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
}
