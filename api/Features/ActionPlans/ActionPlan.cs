namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// draft → adopted (with its date) → in_implementation → closed; a plan only moves forward, with one
/// exception: an adopted plan on which no progress was reported yet may go back to draft (the
/// administration's management sent it back for amendment). A closed plan is final.
/// </summary>
public enum ActionPlanStatus { Draft, Adopted, InImplementation, Closed }

/// <summary>Where an action stands, as its latest progress update says; not_started until the first one.</summary>
public enum ActionStatus { NotStarted, InProgress, Done, Delayed, Cancelled }
