using FluentValidation;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Users;

/// <summary>
/// <c>users add --email … --password … [--role administrator] [--name …]</c>: the way to make the first
/// administrator (or any account) from a shell, through the same AddUser use case as the API.
/// </summary>
public static class AddUserFromCommandLine
{
    public const string Usage = "users add --email <e-mail> --password <at least 12 characters> [--role administrator|coordinator|trainer] [--name <display name>]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var options = Options(args);
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine($"Usage: dotnet run --project api -- {Usage}");
            return 2;
        }
        if (!Roles.TryParse(options.GetValueOrDefault("role", "administrator"), out var role))
        {
            Console.Error.WriteLine("--role is one of administrator, coordinator, trainer.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new AddUser(email, options.GetValueOrDefault("name", email), role, password));
            Console.WriteLine($"Added {role.Name()} {email} ({created.Id}).");
            return 0;
        }
        catch (Exception error) when (error is ValidationException or ProblemException)
        {
            Console.Error.WriteLine(error is ValidationException invalid
                ? string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))
                : error.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[++i];
        return options;
    }
}
