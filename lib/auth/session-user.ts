// What the app knows about the signed-in person on every request and socket.
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
  organizationCode: string;
  colour: string;
};
