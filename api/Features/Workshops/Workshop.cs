namespace Integrity.Api.Features.Workshops;

/// <summary>What kind of event a workshop is.</summary>
public enum WorkshopKind { Workshop, CapacityBuildingMission, DiagnosticMission, TrainingOfTrainers, Webinar }

/// <summary>planned → held, or planned → cancelled. A held workshop never goes back to planned.</summary>
public enum WorkshopStatus { Planned, Held, Cancelled }
