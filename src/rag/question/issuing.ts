/** Questions about when a document was issued or signed ("… ban hành ngày nào?", "When was … signed?"), folded. */
const ISSUING = /\b(?:ban hanh|ky ban hanh|duoc ky|ky ngay|issued?|signed?)\b/;

export function asksIssuing(foldedQuestion: string): boolean {
  return ISSUING.test(foldedQuestion);
}

/**
 * "Kế hoạch triển khai Nghị quyết 29 … ban hành ngày nào?": the question names the document that
 * the one it asks about carries out, so the named document's own date is no answer.
 */
export function namesWhatItImplements(foldedQuestion: string): boolean {
  return /\b(?:ke hoach|chuong trinh(?: hanh dong| cong tac)?|van ban|de an|huong dan|plan|programme|program)\s+(?:so (?:may|nao|bao nhieu|hieu nao) )?(?:cua \S+(?: \S+){0,3} )?(?:de )?(?:trien khai|thuc hien|quan triet|cu the hoa|implementing|to implement|on implementing)(?: thuc hien)?\s+(?:nghi quyet|chi thi|ket luan|quyet dinh|chuong trinh|resolution|directive|conclusion)\b/.test(
    foldedQuestion,
  );
}
