namespace Integrity.Api.Pipeline;

public static class CommandDeclarations
{
    private static readonly Type[] Declared = [typeof(IAccessRule<>), typeof(IReportingPeriodPlaces<>)];

    /// <summary>
    /// Registers what every command of this assembly declares beside itself (<see cref="IAccessRule{TCommand}"/>,
    /// <see cref="IReportingPeriodPlaces{TCommand}"/>), the way validators are found.
    /// </summary>
    public static IServiceCollection AddCommandDeclarations(this IServiceCollection services)
    {
        var declarations = typeof(IAccessRule<>).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false });
        foreach (var declaration in declarations)
            foreach (var contract in declaration.GetInterfaces().Where(i => i.IsGenericType && Declared.Contains(i.GetGenericTypeDefinition())))
                services.AddScoped(contract, declaration);
        return services;
    }
}
