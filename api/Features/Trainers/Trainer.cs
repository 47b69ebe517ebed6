namespace Integrity.Api.Features.Trainers;

/// <summary>Whether a trainer works for the WCO or is a national trainer of a customs administration.</summary>
public enum TrainerKind { WcoExpert, NationalTrainer }

/// <summary>How far a trainer has come with a module, in the only order it can go: candidate → trained → supervised delivery → accredited.</summary>
public enum AccreditationStage { Candidate, Trained, SupervisedDelivery, Accredited }
