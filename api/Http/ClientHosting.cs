using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Integrity.Api.Http;

/// <summary>
/// Serves the built single-page client from the same origin as the API, so the sign-in cookie needs
/// no CORS. Any path that is not the API, Swagger or a file answers the client's index.html.
/// </summary>
public static class ClientHosting
{
    /// <summary>The server's own folders: never the client's screens, and never compressed (see AddClientHosting).</summary>
    private static readonly string[] ServerFolders = ["/api", "/swagger", "/health"];

    /// <summary>Paths of the client's own screens: not files, and not under the server's folders.</summary>
    private static readonly string ClientRoutes = $"{{*path:nonfile:regex(^(?!({string.Join('|', ServerFolders.Select(folder => folder[1..]))})(/|$)).*$)}}";

    /// <summary>Vite names every built asset after its content, so a browser may keep it for good.</summary>
    private const string AssetsFolder = "/assets";

    public static IServiceCollection AddClientHosting(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            // Only the client's files take this path (see MapClient): they hold no secret, so compressing
            // them over HTTPS gives nothing away, and a coordinator on a 3G link gets a third of the bytes.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        })
        // The default (fastest) level sends more bytes than the build's own gzip; hashed files are fetched once.
        .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal)
        .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);

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
        var staticFiles = new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching };
        app.UseWhen(http => !IsServerPath(http.Request.Path), client => client.UseResponseCompression());
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(staticFiles);
        app.MapFallbackToFile(ClientRoutes, "index.html", staticFiles).AllowAnonymous();
    }

    private static bool IsServerPath(PathString path) => ServerFolders.Any(folder => path.StartsWithSegments(folder));

    /// <summary>Hashed assets are cached for a year; index.html is asked again each time, so a new release shows at once.</summary>
    private static void SetCaching(StaticFileResponseContext context)
    {
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments(AssetsFolder)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
