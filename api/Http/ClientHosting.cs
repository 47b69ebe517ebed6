using Microsoft.Extensions.FileProviders;

namespace Integrity.Api.Http;

/// <summary>
/// Serves the built single-page client from the same origin as the API, so the sign-in cookie needs
/// no CORS. Any path that is not the API, Swagger or a file answers the client's index.html.
/// </summary>
public static class ClientHosting
{
    /// <summary>Paths of the client's own screens: not files, and not under the API, Swagger or health.</summary>
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!(api|swagger|health)(/|$)).*$)}";

    public static void MapClient(this WebApplication app)
    {
        var configured = app.Configuration["Client:Path"];
        var folder = Path.GetFullPath(configured ?? Path.Combine(app.Environment.ContentRootPath, "..", "client", "dist"));
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            app.Logger.LogInformation("No built client in {Folder}: serving the API only (npm run build in client/ to add it).", folder);
            return;
        }
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile(ClientRoutes, "index.html", new StaticFileOptions { FileProvider = files }).AllowAnonymous();
    }
}
