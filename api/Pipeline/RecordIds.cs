namespace Integrity.Api.Pipeline;

/// <summary>A command that changes one existing record, named by its id.</summary>
public interface IChangesRecord
{
    Guid Id { get; }
}

/// <summary>A command's answer that names the record it created.</summary>
public interface ICreatesRecord
{
    Guid Id { get; }
}

public static class RecordIds
{
    /// <summary>The record a command touched: the one it changed, or the one it created.</summary>
    public static Guid? Of(object command, object? response = null) => command switch
    {
        IChangesRecord change => change.Id,
        _ => response is ICreatesRecord created ? created.Id : null,
    };
}
