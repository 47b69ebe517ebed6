namespace Integrity.Api.Pipeline;

public static class AccessRuleRegistration
{
    /// <summary>Registers every <see cref="IAccessRule{TCommand}"/> of this assembly, the way validators are found.</summary>
    public static IServiceCollection AddAccessRules(this IServiceCollection services)
    {
        var rules = typeof(IAccessRule<>).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false });
        foreach (var rule in rules)
            foreach (var contract in rule.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAccessRule<>)))
                services.AddScoped(contract, rule);
        return services;
    }
}
