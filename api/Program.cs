using System.Text.Json.Serialization;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.Demo;
using Integrity.Api.Features.Donors;
using Integrity.Api.Features.Programmes;
using Integrity.Api.Features.ReferenceData;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddSingleton(Database.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath));
services.AddScoped<DbSession>();
services.AddSingleton<Migrator>();
services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
});
services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
// Messages name fields as clients send them ('startsOn'), not as C# spells them.
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
    member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemExceptionHandler.Customize);
services.AddExceptionHandler<ProblemExceptionHandler>();
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
services.AddIntegrityOpenApi();

var app = builder.Build();

if (args.Contains("migrate"))
{
    var applied = app.Services.GetRequiredService<Migrator>().Migrate();
    Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", applied)}.");
    return 0;
}

if (app.Configuration.GetValue("Database:MigrateOnStart", true))
    app.Services.GetRequiredService<Migrator>().Migrate();
if (app.Configuration.GetValue("Demo:Seed", false))
    await DemoData.SeedAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseSwaggerUI(options => options.DocumentTitle = "Integrity API");
app.MapHealthChecks("/health", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

var api = app.MapGroup("/api/v1");
api.MapReferenceData()
    .MapDonors()
    .MapProgrammes()
    .MapAdministrations();
app.MapClient();

app.Run();
return 0;

/// <summary>Exposed so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
