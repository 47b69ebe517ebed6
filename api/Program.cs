using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Integrity.Api.Baselines;
using Integrity.Api.Data;
using Integrity.Api.Features.ActionPlans;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.ApiTokens;
using Integrity.Api.Features.Audit;
using Integrity.Api.Features.Auth;
using Integrity.Api.Seeding.Demo;
using Integrity.Api.Features.Donors;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Modules;
using Integrity.Api.Features.PerceptionSurveys;
using Integrity.Api.Features.Trainers;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Programmes;
using Integrity.Api.Features.ReferenceData;
using Integrity.Api.Seeding.Scale;
using Integrity.Api.Features.Reports;
using Integrity.Api.Features.Results;
using Integrity.Api.Features.Users;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Identity;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
// The answer need not say which server runs it.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

if (builder.Configuration.GetValue("Demo:Seed", false) && builder.Environment.IsProduction())
    throw new InvalidOperationException(
        "Demo:Seed is refused in Production: the demo accounts' passwords are published in the README, so anyone could " +
        "sign in with them. Remove Demo:Seed, or seed a Development or Staging installation instead.");

// The small-count thresholds are read again for every report: a wrong one stops the start, not every report after it.
_ = SmallCounts.From(builder.Configuration);

var database = Database.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
services.AddSingleton(database);
// Microsoft.Data.Sqlite's async calls hold their thread-pool thread to the end, and the pool adds about one thread a
// second: a burst of requests then queues behind a few slow ones. Starting with more threads costs only their stacks
// (measured at the large scale when donors' reports still read the live records: coordinators' p99 from 12.2 s to 126 ms).
if (database.Dialect.RunsSynchronously)
{
    ThreadPool.GetMinThreads(out var workers, out var completions);
    ThreadPool.SetMinThreads(Math.Max(workers, builder.Configuration.GetValue("Database:MinimumThreads", 32)), completions);
}
services.AddSingleton(TimeProvider.System);
services.AddSingleton<SnapshotFigures>();
services.AddSingleton<KeptReports>();
services.AddSingleton<HeavyReadTurns>();
services.AddScoped<DbSession>();
services.AddScoped<ReportSessions>();
services.AddSingleton<Migrator>();
services.AddHttpContextAccessor();
// Resolved afresh each time: sign-in changes who the caller is in the middle of a request.
services.AddTransient(provider => provider.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
    ? Caller.From(http.User)
    : Caller.System);
services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
services.AddSingleton(_ => AuditKeys.FromConfiguration(builder.Configuration, builder.Environment));
services.AddSingleton(_ => AuditAnchor.FromConfiguration(builder.Configuration, builder.Environment));
services.AddScoped<AuditTrail>();

services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors =
    [
        typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>),
        typeof(ReportingPeriodLockBehavior<,>), typeof(AuditBehavior<,>), typeof(HeavyReadBehavior<,>),
    ];
});
services.AddCommandDeclarations();
services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
// Messages follow Accept-Language (English by default); numbers and dates stay as the API writes them everywhere.
CultureInfo[] languages = [new("en"), new("fr")];
ValidatorOptions.Global.LanguageManager = new ValidationLanguage(languages);
// Messages name fields as clients send them ('startsOn'), not as C# spells them.
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
    member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);

services.ConfigureHttpJsonOptions(options =>
{
    // Before the framework's enum converter, which stays for the OpenAPI document to describe enums as text.
    options.SerializerOptions.Converters.Add(new ChoiceValues());
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    options.SerializerOptions.Converters.Add(new BlankAsAbsent());
    options.SerializerOptions.Converters.Add(new TextWithoutNul());
    // As the OpenAPI document says (additionalProperties: false): a misspelt field is an error, not silently dropped.
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemExceptionHandler.Customize);
// After the framework's writer, for the callers it declines.
services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
services.AddExceptionHandler<ProblemExceptionHandler>();
services.AddIntegrityDataProtection(builder.Configuration);
services.AddIntegrityAuthentication(builder.Configuration, builder.Environment);
services.AddIntegrityRateLimits(builder.Configuration);
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
services.AddIntegrityOpenApi();
services.AddClientHosting();
services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
services.AddSingleton<JobLeases>();
services.AddSingleton<IdempotencyKeysExpiry>();
services.AddHostedService(provider => provider.GetRequiredService<IdempotencyKeysExpiry>());

var app = builder.Build();

if (args.Contains("migrate"))
{
    var applied = app.Services.GetRequiredService<Migrator>().Migrate();
    await PersonKeyFolds.ApplyAsync(app.Services);
    Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", applied)}.");
    return 0;
}

if (app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    app.Services.GetRequiredService<Migrator>().Migrate();
    await PersonKeyFolds.ApplyAsync(app.Services);
}

// Anything past migrations writes audit entries: without the audit key the app refuses to start, saying how to make one.
app.Services.GetRequiredService<AuditKeys>();

if (args is ["users", "add", ..])
    return await AddUserFromCommandLine.RunAsync(app.Services, args[2..]);
if (args is ["seed-scale", ..])
    return await SeedScaleFromCommandLine.RunAsync(app.Services, args[1..]);

DataProtectionSetup.OpenKeyRing(app.Services, app.Configuration, app.Logger);
await BootstrapAdministrator.RunAsync(app.Services, app.Configuration, app.Logger);
if (app.Configuration.GetValue("Demo:Seed", false))
    await DemoData.SeedAsync(app.Services);

app.UseSecurityHeaders();
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture("en");
    options.SupportedUICultures = languages;
    // lang=fr in a link (a report to download) chooses the language where no header can be set; it wins over Accept-Language.
    options.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" });
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseIntegritySwaggerUi();
// The client's files are public: they come before authentication.
app.MapClient();
// Health answers before authentication too: validating a session cookie reads the database, which
// liveness must not depend on.
app.UseHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.UseHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

var api = app.MapGroup("/api/v1");
api.MapAuth()
    .MapReferenceData()
    .MapDonors()
    .MapProgrammes()
    .MapAdministrations()
    .MapModules()
    .MapTrainers()
    .MapWorkshops()
    .MapParticipants()
    .MapEnrolments()
    .MapActionPlans()
    .MapResults()
    .MapQuestionnaires()
    .MapPerceptionSurveys()
    .MapReports()
    .MapUsers()
    .MapApiTokens()
    .MapAudit();
app.MapBaselines();

app.Run();
return 0;

/// <summary>Exposed so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
