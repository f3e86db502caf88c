import NextAuth from "next-auth";
import { authOptions } from "@/auth/options";

const handler = (...args: Parameters<ReturnType<typeof NextAuth>>) => NextAuth(authOptions())(...args);

export { handler as GET, handler as POST };
