import { afterEach, describe, expect, it } from "vitest";
import { clearAllDrafts, draftKey, readDraft, writeDraft } from "../../src/auth/drafts";

describe("drafts", () => {
  afterEach(() => sessionStorage.clear());

  it("are kept per person and place, and read back as written", () => {
    writeDraft(draftKey("maria", "task:1"), { notes: "Left a voicemail" });

    expect(readDraft(draftKey("maria", "task:1"))).toEqual({ notes: "Left a voicemail" });
    expect(readDraft(draftKey("james", "task:1"))).toBeUndefined();
  });

  it("are all forgotten when someone signs out, and nothing else in the tab is", () => {
    writeDraft(draftKey("maria", "task:1"), { notes: "Call back" });
    writeDraft(draftKey("lena", "designer:discharge"), { name: "Draft" });
    sessionStorage.setItem("unrelated", "kept");

    clearAllDrafts();

    expect(readDraft(draftKey("maria", "task:1"))).toBeUndefined();
    expect(readDraft(draftKey("lena", "designer:discharge"))).toBeUndefined();
    expect(sessionStorage.getItem("unrelated")).toBe("kept");
  });
});
