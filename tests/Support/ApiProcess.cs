using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Integrity.Tests;

/// <summary>
/// The built API as a process of its own on 127.0.0.1, as an installation runs it: its own home and working folders (so
/// anything it keeps beside itself, such as ASP.NET Core's default key ring, is its own), on a test database. Killed
/// when disposed, however the test went.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder output = new();

    private ApiProcess(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>Starts the API and waits until it answers ready (migrated, first administrator made).</summary>
    /// <param name="settings">Configuration beyond the test defaults, named as in appsettings (<c>DataProtection:CertificateFile</c>).</param>
    public static async Task<ApiProcess> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("integrity-instance-").FullName;
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Integrity"] = database.ConnectionString;
        start.Environment["Client__Path"] = Path.Combine(folder, "no-client");
        start.Environment["Bootstrap__AdminEmail"] = ApiFactory.AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = ApiFactory.AdminPassword;
        start.Environment["Audit__KeyFile"] = TestAuditKey.Path;
        start.Environment["Audit__AnchorPath"] = database.AnchorPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) start.Environment[name.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        var api = new ApiProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => api.Append(line.Data);
        process.ErrorDataReceived += (_, line) => api.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilReadyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this instance that keeps no cookies: the test passes them itself, from one instance to the other.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    private async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                Assert.Fail($"The API at {Address} exited with {process.ExitCode} before it was ready:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The API at {Address} was not ready within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        finally
        {
            process.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
