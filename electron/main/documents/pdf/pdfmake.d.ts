// The slice of pdfmake 0.3's server-side API Front Door uses (the package ships no types).
// https://pdfmake.github.io/docs/0.3/getting-started/server-side/
declare module 'pdfmake' {
  type PdfmakeOutput = { getBuffer(): Promise<Buffer> };
  type Pdfmake = {
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
    setFonts(
      fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>,
    ): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: object): PdfmakeOutput;
  };
  const pdfmake: Pdfmake;
  export default pdfmake;
}
