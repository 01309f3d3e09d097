namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>How reading one MLLP frame ended.</summary>
public enum MllpReadStatus
{
    /// <summary>A whole frame arrived; its payload is the message.</summary>
    Frame,

    /// <summary>The stream ended between frames: the sender closed the connection cleanly.</summary>
    EndOfStream,

    /// <summary>The stream ended inside a frame, before its end block and carriage return.</summary>
    Truncated,

    /// <summary>The frame grew past the largest allowed; the connection should be closed, as where the frame ends is not known.</summary>
    TooLarge,
}
